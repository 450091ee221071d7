// Stage documents in the sandbox: the admin makes "Claim sent" require the claim letter; moving the
// card on without it returns the card with one timeline note naming the letter; with the letter the
// move stays. Bad settings are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { claimsRepository } from '../../../server/storage/repositories/claims.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'

let w: RobotWorld
let itemId: number
let caseId: number

const token = () => (w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }).access_token
const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${token()}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
const claims = () => w.state.processes.claims!
const stageOf = async () =>
  String(w.sb.admin.items(w.portalId, claims().entityTypeId).find((i) => Number(i.id) === itemId)!.stageId)
const stored = async () =>
  (await w.ctx.database.db.selectFrom('claim_cases').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow())
    .stage
const move = (code: string) =>
  w.sb.admin.call(w.portalId, 'crm.item.update', {
    entityTypeId: claims().entityTypeId,
    id: itemId,
    fields: { stageId: w.stageId('claims', code, 'recovery') },
  })
const notes = () =>
  w.sb.admin
    .comments(w.portalId)
    .filter((c) => Number(c.ENTITY_ID) === itemId && String(c.COMMENT).includes('не хватает документа'))

beforeAll(async () => {
  w = await startRobotWorld()
  // our legal entity's requisites: the claim letter is refused without them
  await w.ctx.repos.settings.set(
    w.memberId,
    'claims.creditor',
    {
      name: 'ООО «Поставщик»',
      inn: '7701234567',
      kpp: '770101001',
      address: 'Москва, ул. Ленина, 1',
      signer: 'И. И. Иванов',
      signerTitle: 'Генеральный директор',
      bankDetails: {
        bank: 'ПАО Сбербанк',
        bic: '044525225',
        account: '40702810900000000001',
        corrAccount: '30101810400000000225',
      },
    },
    'test',
  )
  const rec = await w.newReceivable({ amount: 10_000_000, invoiceDate: '2026-06-10', dueDate: '2026-07-10' })
  const run = await w.runRule(w.receivables.entityTypeId, rec.itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  itemId = Number(run.steps[0]!.returnValues!.claimId)
  caseId = ((await call('GET', `/claims/item/${itemId}`)).json() as ClaimViewDto).id
}, 60_000)
afterAll(async () => w?.close())

describe('stage documents', () => {
  it('the admin sets a requirement; bad settings are refused and change nothing', async () => {
    const bad = await call('PUT', '/admin/stage-requirements', { requirements: { CLAIM_SENT: ['fax'] } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('unknown document "fax"')
    expect((await call('GET', '/admin/stage-requirements')).json().requirements).toEqual({})
    const ok = await call('PUT', '/admin/stage-requirements', { requirements: { CLAIM_SENT: ['claim-letter'] } })
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await call('GET', '/admin/stage-requirements')).json().requirements).toEqual({
      CLAIM_SENT: ['claim-letter'],
    })
  })

  it('moving on without the claim letter returns the card, with one note', async () => {
    await move('CLAIM_SENT')
    await expect.poll(stored, { timeout: 15_000 }).toBe('CLAIM_SENT')
    await move('PRETRIAL')
    await expect.poll(stageOf, { timeout: 15_000 }).toBe(w.stageId('claims', 'CLAIM_SENT', 'recovery'))
    await expect.poll(() => notes().length, { timeout: 15_000 }).toBe(1)
    expect(String(notes()[0]!.COMMENT)).toContain('претензия')
    // the events of the move and of the return are handled; neither adds a note or moves the stored stage
    await new Promise((r) => setTimeout(r, 1500))
    expect(notes()).toHaveLength(1)
    expect(await stored()).toBe('CLAIM_SENT')
  }, 60_000)

  it('another attempt gets its own note; with the letter the move stays', async () => {
    await move('IN_COURT')
    await expect.poll(() => notes().length, { timeout: 15_000 }).toBe(2)
    await expect.poll(stageOf, { timeout: 15_000 }).toBe(w.stageId('claims', 'CLAIM_SENT', 'recovery'))
    expect((await call('POST', `/claims/${caseId}/letter`, {})).statusCode).toBe(200)
    expect(await claimsRepository(w.ctx.database.db).latestLetter(w.memberId, caseId)).not.toBeNull()
    await move('PRETRIAL')
    await expect.poll(stored, { timeout: 15_000 }).toBe('PRETRIAL')
    expect(await stageOf()).toBe(w.stageId('claims', 'PRETRIAL', 'recovery'))
    expect(notes()).toHaveLength(2)
  }, 60_000)
})
