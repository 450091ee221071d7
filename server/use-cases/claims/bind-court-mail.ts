// Incoming e-mails that name a court case number (e.g. "Определение по делу № А40-123456/2025") are
// bound to the debt-recovery case with that number, so court notices land in the case's timeline;
// the case's lawyer hears of each once. Three ways in: the ONCRMACTIVITYADD event, the backfill when
// a case gets its number (mail that came first), and the 15-minute scan (lost events).
import { findCaseNumbers, plainText } from '../../domain/claims/court-case-number.ts'
import { effectKeys } from '../effect-keys.ts'
import { toPortalDateTime } from '../../domain/calendar/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { listAllBatched } from '../../bitrix24/client/list-all.ts'
import { claimsRepository, type ClaimCase } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { claimsProcessOf } from './claim-case.ts'
import { notifyEmployee } from '../dunning/dunning-channels.ts'
import { loadClaimSettings } from './claim-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

const EMAIL = 4
const INCOMING = 1
export const MAIL_CURSOR_SETTING = 'claims.mailCursor'
const MAIL_FIELDS = ['ID', 'TYPE_ID', 'DIRECTION', 'SUBJECT', 'DESCRIPTION', 'CREATED']
type Mail = { ID: string; TYPE_ID: string; DIRECTION: string; SUBJECT?: string; DESCRIPTION?: string; CREATED?: string }

const hasNumberedCases = async (ports: DunningPorts, memberId: string) =>
  !!(await ports.db
    .selectFrom('claim_cases')
    .select('id')
    .where('member_id', '=', memberId)
    .where('court_case', 'is not', null)
    .limit(1)
    .executeTakeFirst())

/** Binds one mail to the cases it names; returns how many new bindings were made. */
async function bindMail(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  mail: Mail,
  only?: ClaimCase,
): Promise<number> {
  if (Number(mail.TYPE_ID) !== EMAIL || Number(mail.DIRECTION) !== INCOMING) return 0
  const numbers = findCaseNumbers(`${mail.SUBJECT ?? ''}\n${plainText(mail.DESCRIPTION ?? '')}`)
  if (!numbers.length) return 0
  const repo = claimsRepository(ports.db)
  const cases = only
    ? numbers.includes(only.courtCase ?? '')
      ? [only]
      : []
    : await repo.byCourtCase(memberId, numbers)
  const process = await claimsProcessOf(ports, memberId)
  if (!process || !cases.length) return 0
  const { lang } = await portalDay(ports, memberId)
  const lawyerDefault = (await loadClaimSettings(ports, memberId)).specialistId
  let bound = 0
  for (const c of cases) {
    const activityId = Number(mail.ID)
    const already = await ports.db
      .selectFrom('claim_mail_links')
      .select('case_id')
      .where('member_id', '=', memberId)
      .where('activity_id', '=', activityId)
      .where('case_id', '=', c.id)
      .executeTakeFirst()
    if (already) continue
    // the portal refuses a second identical binding: an earlier attempt that bound it but crashed
    // before recording it is recognised by the binding list
    const present = await client.call<{ entityTypeId: number | string; entityId: number | string }[]>(
      'crm.activity.binding.list',
      { activityId },
    )
    if (!present.some((b) => Number(b.entityTypeId) === process.entityTypeId && Number(b.entityId) === c.itemId)) {
      await client.call('crm.activity.binding.add', {
        activityId,
        entityTypeId: process.entityTypeId,
        entityId: c.itemId,
      })
    }
    const subject = String(mail.SUBJECT ?? '')
    await repo.linkMail(memberId, {
      activityId,
      caseId: c.id,
      caseNumber: c.courtCase!,
      subject,
      receivedAt: mail.CREATED ? new Date(mail.CREATED) : null,
    })
    const lawyer = lawyerDefault ?? c.assignedById ?? 1
    await notifyEmployee(
      ports,
      client,
      memberId,
      effectKeys.claimStageEffect(memberId, c.id, 'MAIL', `${activityId}`),
      lawyer,
      lang === 'ru'
        ? `Письмо по делу ${c.courtCase} («${c.title}»): «${subject}» — добавлено в хронологию дела.`
        : `E-mail on court case ${c.courtCase} ("${c.title}"): "${subject}" was added to the case's timeline.`,
    )
    await ports.audit.record({
      memberId,
      actor: 'app',
      source: 'claims',
      action: 'claim.mail-bound',
      entity: 'claim',
      entityId: String(c.id),
      details: { activityId, caseNumber: c.courtCase },
    })
    bound++
  }
  return bound
}

/** ONCRMACTIVITYADD: costs nothing while no case of the portal has a court case number. */
export async function bindCourtMailById(ports: DunningPorts, memberId: string, activityId: number): Promise<number> {
  if (!ports.clients || !(await hasNumberedCases(ports, memberId))) return 0
  const client = await ports.clients.forPortal(memberId)
  const mail = await client.call<Mail>('crm.activity.get', { id: activityId }).catch(() => null)
  return mail ? bindMail(ports, client, memberId, mail) : 0
}

/** A case just got its number: incoming mails of the last 180 days naming it are bound too. */
export async function backfillCourtMail(ports: DunningPorts, client: PortalClient, claim: ClaimCase): Promise<number> {
  if (!claim.courtCase) return 0
  const timezone = (await ports.portalOf(claim.memberId))?.timezone ?? 'Europe/Moscow'
  const since = toPortalDateTime(timezone, ports.now().getTime() - 180 * 86_400_000)
  let n = 0
  for (const where of ['%SUBJECT', '%DESCRIPTION']) {
    for (const term of caseSearchTerms(claim.courtCase)) {
      const mails = await listAllBatched<Mail>(
        client,
        'crm.activity.list',
        { filter: { TYPE_ID: EMAIL, DIRECTION: INCOMING, '>=CREATED': since, [where]: term }, select: MAIL_FIELDS },
        { idField: 'ID' },
      )
      for (const m of mails) n += await bindMail(ports, client, claim.memberId, m, claim)
    }
  }
  return n
}

/**
 * What the portal's substring filter looks for: the letter may be Latin or Cyrillic and the slash may
 * have spaces around it ("123456 / 2025"), so a number of 4+ digits is searched alone (each found
 * mail is then checked exactly); a short one with the year, in each spacing.
 */
export function caseSearchTerms(courtCase: string): string[] {
  const [num, year] = courtCase.slice(courtCase.indexOf('-') + 1).split('/')
  return num.length >= 4 ? [num] : [`${num}/${year}`, `${num} / ${year}`, `${num} /${year}`, `${num}/ ${year}`]
}

/** The 15-minute scan: incoming mails since the last one seen (the first scan looks 30 days back). */
export async function scanCourtMail(ports: DunningPorts, client: PortalClient, memberId: string): Promise<number> {
  if (!(await hasNumberedCases(ports, memberId))) return 0
  const cursor = (await ports.settings.get<{ lastId: number }>(memberId, MAIL_CURSOR_SETTING))?.lastId ?? 0
  const timezone = (await ports.portalOf(memberId))?.timezone ?? 'Europe/Moscow'
  const filter: Record<string, unknown> = {
    TYPE_ID: EMAIL,
    DIRECTION: INCOMING,
    ...(cursor ? {} : { '>=CREATED': toPortalDateTime(timezone, ports.now().getTime() - 30 * 86_400_000) }),
  }
  const mails = await listAllBatched<Mail>(
    client,
    'crm.activity.list',
    { filter, select: MAIL_FIELDS },
    { idField: 'ID', after: cursor },
  )
  let n = 0
  for (const m of mails) n += await bindMail(ports, client, memberId, m)
  const last = mails.reduce((mx, m) => Math.max(mx, Number(m.ID)), cursor)
  if (last !== cursor) await ports.settings.set(memberId, MAIL_CURSOR_SETTING, { lastId: last }, 'app')
  return n
}
