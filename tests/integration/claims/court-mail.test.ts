// Court notices land in the case's chronology: incoming e-mails whose subject or text names the
// case's court case number are bound to the Claim Work item (listed in its timeline and its
// documents), the lawyer hears once per e-mail; mail that came before the number was typed in is
// found when it is; a lost event is healed by the 15-minute scan; outgoing mail and other numbers
// are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RobotWorld } from '../../helpers/installed-app.ts'
import { openRecoveryCase } from './recovery-case.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { bindCourtMailById, scanCourtMail } from '../../../server/use-cases/claims/bind-court-mail.ts'

let w: RobotWorld
let claimItemId: number
let lawyer: number

const waitFor = async <T>(
  what: string,
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> => {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = await read()
    if (v) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}
const api = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method: 'GET',
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
  })
  return { status: r.statusCode, body: r.json() as T }
}
const claimsType = () => w.state.processes.claims!.entityTypeId
/** An e-mail arriving in the portal's CRM (as the mail module records it) on the debtor's company. */
const mail = async (subject: string, body: string, o: { direction?: number; files?: boolean } = {}) =>
  Number(
    (
      await w.sb.admin.call<number>(w.portalId, 'crm.activity.add', {
        fields: {
          OWNER_TYPE_ID: 4,
          OWNER_ID: w.companyId,
          TYPE_ID: 4,
          DIRECTION: o.direction ?? 1,
          COMPLETED: 'N',
          SUBJECT: subject,
          DESCRIPTION: body,
          DESCRIPTION_TYPE: 3,
          RESPONSIBLE_ID: 1,
          COMMUNICATIONS: [{ VALUE: 'info@msk.arbitr.ru', ENTITY_TYPE_ID: 4, ENTITY_ID: w.companyId }],
          ...(o.files
            ? { FILES: [{ fileData: ['opredelenie.pdf', Buffer.from('%PDF-1.4 court').toString('base64')] }] }
            : {}),
        },
      })
    ).result,
  )
const boundToCase = async (activityId: number) =>
  (
    await w.sb.admin.call<{ entityTypeId: number; entityId: number }[]>(w.portalId, 'crm.activity.binding.list', {
      activityId,
    })
  ).result.some((b) => Number(b.entityTypeId) === claimsType() && Number(b.entityId) === claimItemId)
const lawyerNotes = () =>
  w.sb.admin
    .notifications(w.portalId)
    .filter(
      (n) => Number(n.userId ?? n.USER_ID ?? n.toUserId) === lawyer && JSON.stringify(n).includes('А40-123456/2025'),
    )
const links = async () =>
  (
    await w.ctx.database.db
      .selectFrom('claim_mail_links')
      .select('activity_id')
      .where('member_id', '=', w.memberId)
      .orderBy('activity_id')
      .execute()
  ).map((r) => r.activity_id)

beforeAll(async () => {
  ;({ w, lawyer, claimItemId } = await openRecoveryCase())
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('incoming e-mails bound to a case by its court case number', () => {
  let early: number
  it('mail that came before the number is found when the lawyer types the number in', async () => {
    early = await mail(
      'Определение о принятии искового заявления по делу № A40-123456/2025',
      '<p>Судебное заседание назначено</p>',
      { files: true },
    )
    await new Promise((r) => setTimeout(r, 800))
    expect(await boundToCase(early)).toBe(false) // no case has that number yet
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: claimsType(),
      id: claimItemId,
      fields: { [w.state.processes.claims!.fields.courtCaseNumber.restName]: 'А40-123456/2025' },
    })
    await waitFor('the early mail bound', () => boundToCase(early))
    await waitFor('the lawyer told', () => lawyerNotes().length === 1)
  })

  it('a new court e-mail naming the case in its text is bound at once; outgoing mail and other numbers are not', async () => {
    const later = await mail(
      'Извещение',
      '<div>Арбитражный суд г. Москвы, дело&nbsp;<b>А40 - 123456 / 2025</b>: отложение заседания</div>',
    )
    const outgoing = await mail('Ответ по делу А40-123456/2025', 'наш ответ', { direction: 2 })
    const other = await mail('Дело А40-999999/2025', 'другое дело')
    await waitFor('the later mail bound', () => boundToCase(later))
    await new Promise((r) => setTimeout(r, 800))
    expect(await boundToCase(outgoing)).toBe(false)
    expect(await boundToCase(other)).toBe(false)
    expect(await links()).toEqual([early, later])
    expect(lawyerNotes()).toHaveLength(2)
    // the same event again binds nothing twice and tells nobody again
    expect(await bindCourtMailById(dunningPorts(w.ctx), w.memberId, later)).toBe(0)
    expect(lawyerNotes()).toHaveLength(2)
  })

  it('a lost event is healed by the 15-minute scan, once', async () => {
    const client = await w.ctx.b24!.forPortal(w.memberId)
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
    const lost = await mail('Определение суда А40-123456/2025 об отложении', 'текст')
    await new Promise((r) => setTimeout(r, 500))
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 0 })
    expect(await boundToCase(lost)).toBe(false)
    expect(await scanCourtMail(dunningPorts(w.ctx), client, w.memberId)).toBe(1)
    expect(await boundToCase(lost)).toBe(true)
    expect(await scanCourtMail(dunningPorts(w.ctx), client, w.memberId)).toBe(0)
  })

  it('the claim tab lists the e-mails and their attachments among the documents, with the court card link', async () => {
    const r = await api<ClaimViewDto>(`/claims/item/${claimItemId}`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.recovery!.courtCase).toEqual({
      number: 'А40-123456/2025',
      url: 'https://kad.arbitr.ru/Card?number=%D0%9040-123456%2F2025',
    })
    const mails = r.body.documents.filter((d) => d.source === 'email')
    expect(mails.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'Определение о принятии искового заявления по делу № A40-123456/2025',
        'Извещение',
        'Определение суда А40-123456/2025 об отложении',
      ]),
    )
    const attachment = mails.find((d) => d.name.endsWith('вложение 1'))!
    expect(attachment.name).toBe('Определение о принятии искового заявления по делу № A40-123456/2025 — вложение 1')
    expect(attachment.url).toMatch(/crm_activity_file\.php\?activityId=\d+&fileId=\d+/)
    expect(r.body.documents.some((d) => d.name.includes('наш ответ') || d.name.includes('А40-999999'))).toBe(false)
  })

  it('mail that wrote the number with spaces around the slash is found when the case gets the number; leading zeros are kept', async () => {
    const spaced = await mail('Определение по делу № А41-098765 / 2026', 'текст')
    const short = await mail('Извещение', 'Дело А41-7 /2026: заседание')
    await new Promise((r) => setTimeout(r, 800))
    expect(await boundToCase(spaced)).toBe(false)
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: claimsType(),
      id: claimItemId,
      fields: { [w.state.processes.claims!.fields.courtCaseNumber.restName]: 'А41-098765/2026' },
    })
    await waitFor('the spaced mail bound', () => boundToCase(spaced))
    const stored = await w.ctx.database.db
      .selectFrom('claim_cases')
      .select('court_case')
      .where('member_id', '=', w.memberId)
      .where('item_id', '=', claimItemId)
      .executeTakeFirstOrThrow()
    expect(stored.court_case).toBe('А41-098765/2026')
    await new Promise((r) => setTimeout(r, 1100))
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: claimsType(),
      id: claimItemId,
      fields: { [w.state.processes.claims!.fields.courtCaseNumber.restName]: 'А41-7/2026' },
    })
    await waitFor('the short number bound too', () => boundToCase(short))
  })
})
