// A Claim Work item changed in the portal. For a debt-recovery case, entering a stage drives work,
// once per case and stage: "First notice" e-mails the debtor; "Claim sent" records the date, starts
// the 30-day pre-trial clock and gives the lawyer the follow-up at its end (working time); "Court
// preparation" gives the lawyer the task with the document checklist. Every event also checks the
// limitation period (warnings 90 and 30 days before it ends, and when it has passed), filling in
// its end date first when the case has none (claim-limitation.ts).
import {
  addWorkingDays,
  endOfWorkingDay,
  nextWorkingDayOnOrAfter,
  type LocalDate,
} from '../../domain/calendar/index.ts'
import { courtChecklist, limitationWarning, pretrialDeadline } from '../../domain/claims/recovery-clock.ts'
import { effectKeys } from '../effect-keys.ts'
import { portalEmailOf } from '../receivables/counterparty-email.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { listAllBatched } from '../../bitrix24/client/list-all.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { claimsProcessOf, loadClaim, readClaimItem, rememberCourtCase, type LoadedClaim } from './claim-case.ts'
import { portalDay, type PortalDay } from '../receivables/receivable-calendar.ts'
import { loadDunningRules } from '../dunning/dunning-settings.ts'
import { loadClaimSettings } from './claim-settings.ts'
import { createDunningTask } from '../dunning/dunning-tasks.ts'
import { notifyEmployee, sendDunningEmail } from '../dunning/dunning-channels.ts'
import { writeOnce } from '../dunning/dunning-write-once.ts'
import { fieldName, parseDayValue } from '../receivables/receivable-item-fields.ts'
import { formatAmount } from '../../domain/money/index.ts'
import { formatDate } from '../../documents/format.ts'
import { normaliseCaseNumber } from '../../domain/claims/court-case-number.ts'
import { backfillCourtMail } from './bind-court-mail.ts'
import { fillLimitation } from './claim-limitation.ts'
import { enforceStageDocuments } from './enforce-stage-documents.ts'

export async function handleClaimItemEvent(
  ports: DunningPorts,
  memberId: string,
  entityTypeId: number,
  itemId: number,
): Promise<{ status: 'ignored' | 'handled'; entered: string | null }> {
  const process = await claimsProcessOf(ports, memberId)
  if (!process || process.entityTypeId !== entityTypeId || !ports.clients) return { status: 'ignored', entered: null }
  const known = await claimsRepository(ports.db).byItem(memberId, itemId)
  // payout cases have no stage-driven work: their own totals writes come back as events, which
  // must cost no portal request (a tranche completion stays at 2 requests)
  if (known?.kind === 'payout') return { status: 'ignored', entered: null }
  const client = await ports.clients.forPortal(memberId)
  // one read per event (our own field writes come back as events too); the case row is made once
  const item = (
    await client
      .call<{ item?: Record<string, unknown> }>('crm.item.get', { entityTypeId, id: itemId })
      .catch(() => null)
  )?.item
  if (!item) return { status: 'ignored', entered: null }
  const facts = readClaimItem(process, item)
  const loaded: LoadedClaim = known
    ? {
        process,
        facts,
        claim: await rememberCourtCase(ports, known, facts.courtCase),
        counterpartyName: known.counterpartyName,
      }
    : await loadClaim(ports, client, memberId, itemId)
  // a case that just got its court case number: mail about it that came first is bound now
  if (loaded.claim.courtCase && loaded.claim.courtCase !== (known?.courtCase ?? null))
    await backfillCourtMail(ports, client, loaded.claim)
  // a stage's required document missing: the card goes back, the stored stage stays (stage documents)
  if (
    loaded.facts.kind === 'recovery' &&
    (await enforceStageDocuments(ports, client, loaded, String(item.movedTime ?? '')))
  )
    return { status: 'handled', entered: null }
  const before = await claimsRepository(ports.db).moveStage(memberId, loaded.claim.id, loaded.facts.stage)
  const entered = loaded.facts.stage !== before ? loaded.facts.stage : null
  if (loaded.facts.kind === 'recovery') {
    const day = await portalDay(ports, memberId)
    if (entered) await enterStage(ports, client, loaded, entered, day)
    await warnLimitation(ports, client, await fillLimitation(ports, client, loaded, day.calendar), day)
  }
  return { status: 'handled', entered }
}

/**
 * Heals lost events (every 15 minutes, with the tranche scan): one fast listing of the Claim Work
 * items; a recovery item whose stage differs from the one we saw last (or that we never saw) is
 * handled as if its event had arrived. Limitation warnings are re-checked for every open case.
 */
export async function reconcileClaimStages(ports: DunningPorts, memberId: string): Promise<number> {
  const process = await claimsProcessOf(ports, memberId)
  if (!process || !ports.clients) return 0
  const client = await ports.clients.forPortal(memberId)
  const limitField = process.fields.limitationExpires?.restName
  const caseField = process.fields.courtCaseNumber?.restName
  const items = await listAllBatched<Record<string, unknown> & { id: number; stageId: string }>(
    client,
    'crm.item.list',
    {
      entityTypeId: process.entityTypeId,
      select: ['id', 'stageId', ...(limitField ? [limitField] : []), ...(caseField ? [caseField] : [])],
    },
    { itemsKey: 'items' },
  )
  const known = await ports.db
    .selectFrom('claim_cases')
    .select(['item_id', 'stage', 'court_case'])
    .where('member_id', '=', memberId)
    .execute()
  const seen = new Map(known.map((r) => [r.item_id, r.stage]))
  const courtCases = new Map(known.map((r) => [r.item_id, r.court_case]))
  const recovery = process.pipelines.recovery
  const codeOf = (stageId: string) =>
    Object.entries(recovery?.stages ?? {}).find(([, id]) => id === stageId)?.[0] ?? null
  const { today } = await portalDay(ports, memberId)
  let handled = 0
  for (const it of items) {
    const code = codeOf(String(it.stageId))
    if (!code) continue // not a recovery item
    const moved =
      seen.get(Number(it.id)) !== code ||
      (caseField !== undefined &&
        courtCases.get(Number(it.id)) !==
          (typeof it[caseField] === 'string' ? normaliseCaseNumber(it[caseField]) : null))
    const warn =
      code !== 'SUCCESS' && code !== 'FAIL' && limitField
        ? limitationWarning(parseDayValue(it[limitField]), today) !== null
        : false
    if (!moved && !warn) continue
    await handleClaimItemEvent(ports, memberId, process.entityTypeId, Number(it.id))
    handled++
  }
  return handled
}

async function lawyerOf(ports: DunningPorts, memberId: string, l: LoadedClaim): Promise<number> {
  const [rules, settings] = await Promise.all([loadDunningRules(ports, memberId), loadClaimSettings(ports, memberId)])
  return rules.lawyerId ?? settings.specialistId ?? l.facts.assignedById ?? 1
}

async function enterStage(
  ports: DunningPorts,
  client: PortalClient,
  l: LoadedClaim,
  stage: string,
  { calendar, today, lang }: PortalDay,
): Promise<void> {
  const { memberId } = l.claim
  const binding = [`T${l.process.entityTypeId.toString(16)}_${l.claim.itemId}`]
  const key = (what: string) => effectKeys.claimStageEffect(memberId, l.claim.id, stage, what)
  const debt = l.facts.principal + l.facts.penalty + l.facts.interest
  if (stage === 'CLAIM_SENT') {
    const sentOn = l.facts.claimSentOn ?? today
    const deadline = pretrialDeadline(calendar, sentOn)
    const fields: Record<string, unknown> = {}
    const sent = fieldName(l.process, 'claimSentDate')
    const pre = fieldName(l.process, 'pretrialDeadline')
    if (sent && !l.facts.claimSentOn) fields[sent] = sentOn
    if (pre && l.facts.pretrialEndsOn !== deadline) fields[pre] = deadline
    if (Object.keys(fields).length)
      await client.call('crm.item.update', { entityTypeId: l.process.entityTypeId, id: l.claim.itemId, fields })
    await createDunningTask(ports, client, memberId, key('lawyer-follow-up'), {
      title:
        lang === 'ru'
          ? `Срок ответа на претензию истёк: ${l.facts.title}`
          : `The pre-trial period has ended: ${l.facts.title}`,
      description:
        lang === 'ru'
          ? `Претензия направлена ${formatDate(sentOn, 'ru')}. 30-дневный досудебный срок (ч. 5 ст. 4 АПК РФ) истекает ${formatDate(deadline, 'ru')}. Проверьте ответ должника и оплату; при отсутствии — переведите дело в «Подготовку иска». Сумма требования: ${formatAmount(debt, lang)} ₽.`
          : `The claim was sent on ${sentOn}. The 30-day pre-trial period (APK art. 4 p. 5) ends on ${deadline}. Check the debtor's answer and payment; if none, move the case to Court preparation. Amount claimed: ${formatAmount(debt, lang)} RUB.`,
      responsibleId: await lawyerOf(ports, memberId, l),
      deadline: endOfWorkingDay(calendar, deadline),
      bindings: binding,
    })
  } else if (stage === 'COURT_PREP') {
    const task = await createDunningTask(ports, client, memberId, key('lawyer-court'), {
      title:
        lang === 'ru'
          ? `Подготовить исковое заявление: ${l.facts.title}`
          : `Prepare the statement of claim: ${l.facts.title}`,
      description:
        lang === 'ru'
          ? `Должник: ${l.counterpartyName ?? '—'}. Сумма требования: ${formatAmount(debt, lang)} ₽.`
          : `Debtor: ${l.counterpartyName ?? '—'}. Amount claimed: ${formatAmount(debt, lang)} RUB.`,
      responsibleId: await lawyerOf(ports, memberId, l),
      deadline: endOfWorkingDay(calendar, addWorkingDays(calendar, nextWorkingDayOnOrAfter(calendar, today), 5)),
      bindings: binding,
    })
    const taskId = task.result?.taskId
    if (taskId) {
      await writeOnce(ports.effects, memberId, key('checklist'), {
        lookup: async () =>
          (await client.call<unknown[]>('task.checklistitem.getlist', { TASKID: taskId }))?.length
            ? { items: -1 }
            : null,
        write: async () => {
          const items = courtChecklist(lang)
          await client.batch(
            Object.fromEntries(
              items.map((title, i) => [
                `c${i}`,
                {
                  method: 'task.checklistitem.add',
                  params: { TASKID: taskId, FIELDS: { TITLE: title, SORT_INDEX: i } },
                },
              ]),
            ),
            { idempotent: false },
          )
          return { items: items.length }
        },
      })
    }
  } else if (stage === 'FIRST_NOTICE') {
    await sendFirstNotice(ports, client, l, today, lang, key('notice'))
  }
}

async function sendFirstNotice(
  ports: DunningPorts,
  client: PortalClient,
  l: LoadedClaim,
  today: LocalDate,
  lang: 'ru' | 'en',
  key: string,
): Promise<void> {
  const { memberId } = l.claim
  const type = l.facts.companyId ? 'company' : l.facts.contactId ? 'contact' : null
  const id = l.facts.companyId ?? l.facts.contactId
  const email = type && id ? await portalEmailOf(client, type, id) : null
  const responsible = l.facts.assignedById ?? 1
  if (!type || !id || !email) {
    await notifyEmployee(
      ports,
      client,
      memberId,
      `${key}:no-email`,
      responsible,
      lang === 'ru'
        ? `Первое уведомление по делу «${l.facts.title}» не отправлено: у должника нет e-mail. Отправьте его почтой.`
        : `The first notice of "${l.facts.title}" was not sent: the debtor has no e-mail. Send it by post.`,
    )
    return
  }
  const subject = lang === 'ru' ? `Уведомление о задолженности — ${l.facts.title}` : `Notice of debt — ${l.facts.title}`
  const body =
    lang === 'ru'
      ? `Уважаемые коллеги!\n\nПо состоянию на ${formatDate(today, 'ru')} за вами числится задолженность ${formatAmount(l.facts.principal, lang)} ₽. Просим погасить её в течение 5 рабочих дней. В противном случае мы будем вынуждены направить претензию с требованием уплаты неустойки.\n\nС уважением`
      : `Dear colleagues,\n\nAs of ${today} you owe ${formatAmount(l.facts.principal, lang)} RUB. Please pay within 5 working days; otherwise we will send a formal claim with the contractual penalty.\n\nKind regards`
  await sendDunningEmail(
    ports,
    client,
    memberId,
    key,
    { entityType: type, entityId: id, email, responsibleId: responsible },
    subject,
    body,
    new Date(`${today}T00:00:00Z`),
  )
}

async function warnLimitation(
  ports: DunningPorts,
  client: PortalClient,
  l: LoadedClaim,
  { today, lang }: PortalDay,
): Promise<void> {
  const w = limitationWarning(l.facts.limitationEndsOn, today)
  if (!w || !l.facts.limitationEndsOn) return
  const text =
    w.threshold === 0
      ? lang === 'ru'
        ? `Срок исковой давности по делу «${l.facts.title}» истёк ${formatDate(l.facts.limitationEndsOn, 'ru')}.`
        : `The limitation period of "${l.facts.title}" ended on ${l.facts.limitationEndsOn}.`
      : lang === 'ru'
        ? `Срок исковой давности по делу «${l.facts.title}» истекает ${formatDate(l.facts.limitationEndsOn, 'ru')}: осталось ${w.daysLeft} дн.`
        : `The limitation period of "${l.facts.title}" ends on ${l.facts.limitationEndsOn}: ${w.daysLeft} days left.`
  const lawyer = await lawyerOf(ports, l.claim.memberId, l)
  for (const userId of new Set([lawyer, l.facts.assignedById ?? lawyer])) {
    await notifyEmployee(
      ports,
      client,
      l.claim.memberId,
      effectKeys.claimLimitationWarning(l.claim.memberId, l.claim.id, w.threshold, userId),
      userId,
      text,
    )
  }
}
