// The claim letter names the contract of the claimed invoices ("договор № … от …"), lists several
// when the case holds invoices of several contracts, and asks for their copies in the attachments;
// two letters of the claim made at once the same day share one number, given once; the deadline to pay
// moves off a day off; the Russian timeline note prints the date as 05.06.2025. Without our legal
// entity's requisites (or its INN) no letter is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { dunningRepository } from '../../../server/storage/repositories/dunning.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { generateClaimLetter } from '../../../server/use-cases/claims/generate-claim-letter.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { documentNumbersRepository } from '../../../server/storage/repositories/document-numbers.ts'

let w: RobotWorld
let claimItemId: number

const api = async <T>(method: 'GET' | 'POST', url: string, payload?: object) => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
const textOf = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'))
  writeFileSync(join(dir, 'l.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}
const letterText = async () => {
  const view = await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)
  const made = await api<ClaimViewDto>('POST', `/claims/${view.body.id}/letter`, {})
  expect(made.status, JSON.stringify(made.body)).toBe(200)
  const pdf = (await w.app.inject({ method: 'GET', url: made.body.recovery!.letter!.url })).rawPayload
  const dir = mkdtempSync(join(tmpdir(), 'letter-'))
  writeFileSync(join(dir, 'l.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

beforeAll(async () => {
  w = await startRobotWorld()
  const { itemId } = await w.newReceivable({
    amount: 50_000_000,
    invoiceDate: '2024-06-10',
    dueDate: '2024-07-10',
    contract: { number: '15/2024', date: '2024-03-01' },
  })
  const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  claimItemId = Number(run.steps[0].returnValues!.claimId)
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('claim letter details', () => {
  it('is refused without our legal entity, pointing to the settings, and nothing is written', async () => {
    const view = await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)
    const made = await api<{ error: string; message: string }>('POST', `/claims/${view.body.id}/letter`, {})
    expect([made.status, made.body.error]).toEqual([409, 'claim.no-requisites'])
    expect(made.body.message).toMatch(/legal entit/)
    const after = await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)
    expect(after.body.recovery!.letter).toBeNull()
    const creditor = (inn: string) => ({
      name: 'ООО «Поставщик»',
      inn,
      kpp: '770101001',
      address: 'Москва, ул. Ленина, 1',
      signer: 'И. И. Иванов',
      signerTitle: 'Генеральный директор',
      bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810900000000001' },
    })
    // an entity without its INN (settings written around the admin page's check): named, in Russian, no letter
    await w.ctx.repos.settings.set(w.memberId, 'claims.creditor', creditor(''), 'test')
    const noInn = await api<{ error: string; message: string }>('POST', `/claims/${view.body.id}/letter`, {})
    expect([noInn.status, noInn.body.error]).toEqual([400, 'requisites.missing'])
    expect(noInn.body.message).toBe(
      'Претензия не сформирована: у нашей организации ООО «Поставщик» не заполнено поле «ИНН». ' +
        'Заполните его в настройках приложения (Юридические лица).',
    )
    expect((await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)).body.recovery!.letter).toBeNull()
    expect(await documentNumbersRepository(w.ctx.database.db).count(w.memberId, 'claim-letter')).toBe(0)
    // the admin fills them in: the letters below are written in our name
    await w.ctx.repos.settings.set(w.memberId, 'claims.creditor', creditor('7701234567'), 'test')
  })

  it('one contract: named with its number and date', async () => {
    const text = await letterText()
    expect(text).toContain('заключён договор № 15/2024 от 01.03.2024')
    expect(text).not.toContain('имеются обязательства')
    expect(text).toContain('Копия договора № 15/2024')
  })

  it('invoices of two contracts in the case: both listed, the older first', async () => {
    const { receivableId } = await w.newReceivable({
      amount: 10_000_000,
      invoiceDate: '2024-06-01',
      dueDate: '2024-07-01',
      contract: { number: 'K-7', date: '2024-01-20' },
    })
    await dunningRepository(w.ctx.database.db).patchState(w.memberId, receivableId, { claim_item_id: claimItemId })
    const text = await letterText()
    expect(text).toContain('заключены договоры № K-7 от 20.01.2024, № 15/2024 от 01.03.2024')
    expect(text).toContain('Копии договоров № K-7, № 15/2024')
  })
  it('two letters of the claim made at once the same day get one number, given once', async () => {
    const client = await w.ctx.b24!.forPortal(w.memberId)
    // both letters wait for each other after reading the debtor, so both pick their number before either is stored
    const waiting: (() => void)[] = []
    const gated = new Proxy(client, {
      get: (t, k) =>
        k === 'call'
          ? async (method: string, ...rest: unknown[]) => {
              const r = await (t.call as (...a: unknown[]) => Promise<unknown>)(method, ...rest)
              if (method === 'crm.requisite.list')
                await new Promise<void>((go) => {
                  waiting.push(go)
                  if (waiting.length === 2) waiting.forEach((f) => f())
                })
              return r
            }
          : typeof Reflect.get(t, k) === 'function'
            ? (Reflect.get(t, k) as (...a: unknown[]) => unknown).bind(t)
            : Reflect.get(t, k),
    })
    const made = await Promise.all(
      [1, 2].map(() => generateClaimLetter(dunningPorts(w.ctx), gated, w.memberId, claimItemId, 'user:1')),
    )
    expect(waiting).toHaveLength(2)
    const numbers = made.map((m) => /№ (П-\S+)/.exec(textOf(m.pdf))![1])
    // the same document (this claim's letter of today) requested twice: one number, the series moved once
    expect(numbers[0]).toMatch(/^П-2026\/\d+$/)
    expect(numbers[1]).toBe(numbers[0])
    expect(made.map((m) => m.letter.number)).toEqual(numbers)
    const given = await documentNumbersRepository(w.ctx.database.db).count(w.memberId, 'claim-letter')
    expect(Number(numbers[0]!.split('/')[1])).toBe(given)
  })

  it('the deadline to pay falls on a working day; the timeline note dates the letter 05.06.2025', async () => {
    const client = await w.ctx.b24!.forPortal(w.memberId)
    // 05.06.2025 + 30 days = Saturday 05.07.2025 -> Monday 07.07.2025 (art. 193)
    const made = await generateClaimLetter(
      dunningPorts(w.ctx, { now: () => new Date('2025-06-05T09:00:00Z') }),
      client,
      w.memberId,
      claimItemId,
      'user:1',
    )
    const text = textOf(made.pdf)
    expect(text).toContain('не позднее 07.07.2025')
    expect(text).not.toContain('05.07.2025')
    const note = w.sb.admin
      .comments(w.portalId)
      .filter((c) => Number(c.ENTITY_ID) === claimItemId && String(c.COMMENT).startsWith('Сформирована претензия'))
      .at(-1)!
    expect(String(note.COMMENT)).toMatch(/^Сформирована претензия № П-\S+ от 05\.06\.2025:/)
  })
})
