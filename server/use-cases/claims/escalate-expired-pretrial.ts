// Claims move on by themselves: a debt-recovery case still at "Claim sent" the day after its pre-trial
// deadline, with the debt unpaid, goes to "Court preparation" (the stage's own work follows through
// its event: the lawyer's task with the checklist), or the lawyer gets a task to decide (setting
// claims.afterPretrial). A partial payment since the claim was sent, or a promise whose day has not
// passed, holds the case; the hold is written once in the case's timeline. Each step happens once: a
// case a person moves back to "Claim sent" is not moved again. Runs with the 15-minute claim scan.
import { sql } from 'kysely'
import { decidePretrialExpiry, type PretrialDecision } from '../../domain/claims/pretrial-expiry.ts'
import { addWorkingDays, endOfWorkingDay, nextWorkingDayOnOrAfter } from '../../domain/calendar/index.ts'
import { formatAmount } from '../../domain/money/index.ts'
import { formatDate } from '../../documents/format.ts'
import { effectKeys } from '../effect-keys.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { dunningTimelineComment } from '../dunning/dunning-channels.ts'
import { createDunningTask } from '../dunning/dunning-tasks.ts'
import { writeOnce } from '../dunning/dunning-write-once.ts'
import { loadDunningRules } from '../dunning/dunning-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { claimsProcessOf, readClaimItem, type ClaimItemFacts } from './claim-case.ts'
import { loadClaimSettings } from './claim-settings.ts'

const STAGE = 'CLAIM_SENT'

export interface PretrialScan {
  moved: number
  tasks: number
  held: number
}

function holdText(d: PretrialDecision & { kind: 'hold' }, deadline: string, lang: 'ru' | 'en'): string {
  if (d.reason === 'promise')
    return lang === 'ru'
      ? `Досудебный срок истёк ${formatDate(deadline, 'ru')}, но должник обещал оплатить до ${formatDate(d.until, 'ru')}: дело остаётся на этапе «Претензия направлена».`
      : `The pre-trial period ended on ${deadline}, but the debtor promised to pay by ${d.until}: the case stays at Claim sent.`
  return lang === 'ru'
    ? `Досудебный срок истёк ${formatDate(deadline, 'ru')}, но после претензии поступила частичная оплата (${formatDate(d.paidOn, 'ru')}): дело остаётся на этапе «Претензия направлена», решение за юристом.`
    : `The pre-trial period ended on ${deadline}, but a partial payment came after the claim (${d.paidOn}): the case stays at Claim sent for the lawyer to decide.`
}

export async function escalateExpiredPretrial(ports: DunningPorts, memberId: string): Promise<PretrialScan> {
  const out: PretrialScan = { moved: 0, tasks: 0, held: 0 }
  const process = await claimsProcessOf(ports, memberId)
  const recovery = process?.pipelines.recovery
  if (!process || !recovery?.stages[STAGE] || !recovery.stages.COURT_PREP || !ports.clients) return out
  const settings = await loadClaimSettings(ports, memberId)
  if (settings.afterPretrial === 'off') return out
  const cases = await ports.db
    .selectFrom('claim_cases')
    .select(['id', 'item_id'])
    .where('member_id', '=', memberId)
    .where('kind', '=', 'recovery')
    .where('stage', '=', STAGE)
    .execute()
  if (!cases.length) return out
  const day = await portalDay(ports, memberId)
  const { today, lang, calendar } = day
  const client = await ports.clients.forPortal(memberId)
  for (const c of cases) {
    const key = (what: string) => effectKeys.claimStageEffect(memberId, Number(c.id), STAGE, what)
    if ((await ports.effects.get(key('pretrial-expired')))?.status === 'done') continue
    const item = (
      await client
        .call<{ item?: Record<string, unknown> }>('crm.item.get', { entityTypeId: process.entityTypeId, id: c.item_id })
        .catch((e: { code?: string }) => {
          if (e.code === 'NOT_FOUND') return null
          throw e
        })
    )?.item
    if (!item) continue
    const facts = readClaimItem(process, item)
    if (facts.kind !== 'recovery' || facts.stage !== STAGE) continue // moved meanwhile: its event does the rest
    const lines = await sql<{ remaining: string | number; last_payment_on: string | null; promised: string | null }>`
      SELECT greatest(r.amount - r.paid, 0) AS remaining, to_char(r.last_payment_on, 'YYYY-MM-DD') AS last_payment_on,
             to_char(d.promised_date, 'YYYY-MM-DD') AS promised
      FROM dunning_receivables d JOIN receivables r ON r.id = d.receivable_id AND r.member_id = d.member_id
      WHERE d.member_id = ${memberId} AND d.claim_item_id = ${c.item_id}`.execute(ports.db)
    const decision = decidePretrialExpiry({
      today,
      deadline: facts.pretrialEndsOn,
      sentOn: facts.claimSentOn,
      lines: lines.rows.map((l) => ({
        remaining: Number(l.remaining),
        lastPaymentOn: l.last_payment_on,
        promisedDate: l.promised,
      })),
    })
    if (decision.kind === 'wait' || decision.kind === 'paid') continue
    if (decision.kind === 'hold') {
      const what = decision.reason === 'promise' ? `pretrial-held-promise-${decision.until}` : 'pretrial-held-payment'
      const r = await dunningTimelineComment(
        ports,
        client,
        memberId,
        key(what),
        process.entityTypeId,
        c.item_id,
        holdText(decision, facts.pretrialEndsOn!, lang),
      )
      if (r.fresh) out.held++
      continue
    }
    if (settings.afterPretrial === 'move') {
      const r = await writeOnce<{ movedTo: string | null }>(ports.effects, memberId, key('pretrial-expired'), {
        // a move that reached the portal before a crash: the item is no longer at Claim sent
        lookup: async () => {
          const now = (
            await client.call<{ item: Record<string, unknown> }>('crm.item.get', {
              entityTypeId: process.entityTypeId,
              id: c.item_id,
            })
          ).item
          return now.stageId !== recovery.stages[STAGE] ? { movedTo: String(now.stageId) } : null
        },
        write: async () => {
          await client.call('crm.item.update', {
            entityTypeId: process.entityTypeId,
            id: c.item_id,
            fields: { stageId: recovery.stages.COURT_PREP },
          })
          return { movedTo: recovery.stages.COURT_PREP }
        },
      })
      if (r.fresh) {
        out.moved++
        await dunningTimelineComment(
          ports,
          client,
          memberId,
          key('pretrial-moved-comment'),
          process.entityTypeId,
          c.item_id,
          lang === 'ru'
            ? `Досудебный срок истёк ${formatDate(facts.pretrialEndsOn!, 'ru')} без оплаты: дело переведено в «Подготовку иска».`
            : `The pre-trial period ended on ${facts.pretrialEndsOn} without payment: the case moved to Court preparation.`,
        )
      }
      continue
    }
    const task = await createDunningTask(ports, client, memberId, key('pretrial-expired'), {
      title: lang === 'ru' ? `Досудебный срок истёк: ${facts.title}` : `The pre-trial period is over: ${facts.title}`,
      description: decideText(facts, lang),
      responsibleId:
        (await loadDunningRules(ports, memberId)).lawyerId ?? settings.specialistId ?? facts.assignedById ?? 1,
      deadline: endOfWorkingDay(calendar, addWorkingDays(calendar, nextWorkingDayOnOrAfter(calendar, today), 2)),
      bindings: [`T${process.entityTypeId.toString(16)}_${c.item_id}`],
    })
    if (task.fresh) out.tasks++
  }
  return out
}

function decideText(f: ClaimItemFacts, lang: 'ru' | 'en'): string {
  const debt = formatAmount(f.principal + f.penalty + f.interest, lang)
  return lang === 'ru'
    ? `Срок ответа на претензию истёк ${formatDate(f.pretrialEndsOn!, 'ru')}, оплаты нет. Сумма требования: ${debt} ₽. Решите, готовить ли иск: переведите дело в «Подготовку иска» или закройте его.`
    : `The pre-trial period ended on ${f.pretrialEndsOn} without payment. Amount claimed: ${debt} RUB. Decide whether to go to court: move the case to Court preparation or close it.`
}
