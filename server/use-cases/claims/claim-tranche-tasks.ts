// The accountant's task for each payout tranche, created once when its deadline comes near (N
// working days before, in working time), bound to the claim item; and the claim specialist's
// "Complete the work on the claim" once every tranche is paid.
import {
  addWorkingDays,
  endOfWorkingDay,
  isWithinWorkingTime,
  localDateOf,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  type LocalDate,
  type WorkingCalendar,
} from '../../domain/calendar/index.ts'
import { formatAmount } from '../../domain/money/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import { claimsRepository, type ClaimCase } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { createDunningTask } from '../dunning/dunning-tasks.ts'
import { loadClaimSettings } from './claim-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { claimsProcessOf } from './claim-case.ts'

const binding = (p: InstalledProcess, itemId: number) => `T${p.entityTypeId.toString(16)}_${itemId}`

/** Creates the tasks of tranches that are due for one (all cases of the portal, or one case). Returns how many were created or found. */
export async function createDueTrancheTasks(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  onlyCaseId?: number,
  o: { workingTimeOnly?: boolean } = {},
): Promise<number> {
  const process = await claimsProcessOf(ports, memberId)
  if (!process) return 0
  const repo = claimsRepository(ports.db)
  const settings = await loadClaimSettings(ports, memberId)
  const { calendar, lang } = await portalDay(ports, memberId)
  if (o.workingTimeOnly && !isWithinWorkingTime(calendar, ports.now().getTime())) return 0
  const today = localDateOf(calendar.timezone, ports.now().getTime())
  // a tranche gets its task N working days before its deadline: every deadline up to today + N working days
  const horizon = addWorkingDays(calendar, today, settings.taskDaysBefore)
  const due = (await repo.tranchesNeedingTask(memberId, horizon)).filter(
    (t) => onlyCaseId === undefined || t.caseId === onlyCaseId,
  )
  let n = 0
  for (const t of due) {
    const claim = await repo.get(memberId, t.caseId)
    if (!claim || claim.kind !== 'payout') continue
    const responsibleId = settings.accountantId ?? claim.assignedById ?? 1
    const { title, description, deadline } = trancheTaskFields(claim, t, calendar, today, lang)
    const { result } = await createDunningTask(
      ports,
      client,
      memberId,
      effectKeys.claimTrancheTask(memberId, Number(t.id)),
      { title, description, responsibleId, deadline, bindings: [binding(process, claim.itemId)] },
    )
    if (result) {
      await repo.setTrancheTask(memberId, Number(t.id), result.taskId)
      n++
    }
  }
  return n
}

/** The words and the deadline of a tranche's task (the same on creation and after an edit). */
export function trancheTaskFields(
  claim: ClaimCase,
  t: { deadline: string; amount: number },
  calendar: WorkingCalendar,
  today: LocalDate,
  lang: 'ru' | 'en',
): { title: string; description: string; deadline: string } {
  const money = `${formatAmount(t.amount, lang)} ${lang === 'ru' ? '₽' : 'RUB'}`
  const title =
    lang === 'ru'
      ? `Выплатить транш ${money} до ${t.deadline}: ${claim.title}`
      : `Pay out the tranche of ${money} by ${t.deadline}: ${claim.title}`
  const description =
    lang === 'ru'
      ? `Претензия «${claim.title}»${claim.counterpartyName ? `, ${claim.counterpartyName}` : ''}. Закройте задачу после оплаты — транш будет отмечен выплаченным, итоги пересчитаются.`
      : `Claim "${claim.title}"${claim.counterpartyName ? `, ${claim.counterpartyName}` : ''}. Complete this task once paid: the tranche is marked paid and the totals are updated.`
  // a deadline on a day off: the money must go out on the working day before it
  const day =
    t.deadline <= today ? nextWorkingDayOnOrAfter(calendar, today) : previousWorkingDayOnOrBefore(calendar, t.deadline)
  return {
    title,
    description,
    deadline: endOfWorkingDay(calendar, day < today ? nextWorkingDayOnOrAfter(calendar, today) : day),
  }
}

/** "Complete the work on the claim" for the claim specialist, exactly once per case. */
export async function createCompletionTask(
  ports: DunningPorts,
  client: PortalClient,
  process: InstalledProcess,
  claim: ClaimCase,
  lang: 'ru' | 'en',
): Promise<number | null> {
  const settings = await loadClaimSettings(ports, claim.memberId)
  const { calendar } = await portalDay(ports, claim.memberId)
  const today = localDateOf(calendar.timezone, ports.now().getTime())
  const { result } = await createDunningTask(
    ports,
    client,
    claim.memberId,
    effectKeys.claimCompleteTask(claim.memberId, claim.id),
    {
      title:
        lang === 'ru'
          ? `Завершить работу по претензии: ${claim.title}`
          : `Complete the work on the claim: ${claim.title}`,
      description:
        lang === 'ru'
          ? 'Все транши выплачены. Подготовьте акт, получите подпись клиента и передайте дело в архив.'
          : "Every tranche is paid. Prepare the act, get the customer's signature and archive the case.",
      responsibleId: claim.assignedById ?? settings.specialistId ?? 1,
      deadline: endOfWorkingDay(calendar, addWorkingDays(calendar, today, 3)),
      bindings: [binding(process, claim.itemId)],
    },
  )
  if (result) await claimsRepository(ports.db).setCase(claim.memberId, claim.id, { completion_task_id: result.taskId })
  return result?.taskId ?? null
}
