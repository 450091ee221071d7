// The settlement schedule of a debt-recovery case (agreed in "Pre-trial settlement"): payments on the
// case's invoices made since the schedule was agreed cover its tranches in deadline order (Paid, with
// the day it was noticed); a reversal uncovers them again. A tranche still unpaid after its due day
// (moved to a working day) gives the case's lawyer one task. The totals comment follows.
import { coverSettlement, missedTranches } from '../../domain/claims/settlement.ts'
import { endOfWorkingDay, nextWorkingDayOnOrAfter } from '../../domain/calendar/index.ts'
import { formatAmount } from '../../domain/money/index.ts'
import { formatDate } from '../../documents/format.ts'
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import { claimsRepository, type ClaimCase } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { createDunningTask } from '../dunning/dunning-tasks.ts'
import { loadClaimSettings } from './claim-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { recoveryDebt } from './recovery-debt.ts'
import { syncRecoveryTotals } from './post-claim-totals.ts'
import { claimsProcessOf } from './claim-case.ts'

export interface SettlementOutcome {
  paid: number
  reverted: number
  missed: number
}

export async function trackSettlement(
  ports: DunningPorts,
  client: PortalClient,
  process: InstalledProcess,
  claim: ClaimCase,
  o: { syncTotals?: boolean } = {},
): Promise<SettlementOutcome> {
  const repo = claimsRepository(ports.db)
  const out: SettlementOutcome = { paid: 0, reverted: 0, missed: 0 }
  const tranches = await repo.tranches(claim.memberId, claim.id)
  const { calendar, today, lang } = await portalDay(ports, claim.memberId)
  if (tranches.length) {
    const { paid } = await recoveryDebt(ports.db, claim.memberId, claim.itemId)
    const baseline = await repo.settlementBaseline(claim.memberId, claim.id, paid)
    const { covered } = coverSettlement(tranches, paid - baseline)
    for (const t of tranches) {
      if (
        covered.has(t.id) &&
        t.status === 'planned' &&
        (await repo.setPaid(claim.memberId, Number(t.id), { on: today, by: null }))
      )
        out.paid++
      if (!covered.has(t.id) && t.status === 'paid' && (await repo.setPaid(claim.memberId, Number(t.id), null)))
        out.reverted++
    }
    const lawyer = (await loadClaimSettings(ports, claim.memberId)).specialistId ?? claim.assignedById ?? 1
    for (const t of missedTranches(tranches, covered, today, (d) => nextWorkingDayOnOrAfter(calendar, d))) {
      const money = `${formatAmount(t.amount, lang)} ${lang === 'ru' ? '₽' : 'RUB'}`
      const { result } = await createDunningTask(
        ports,
        client,
        claim.memberId,
        effectKeys.claimStageEffect(claim.memberId, claim.id, 'PRETRIAL', `missed-${t.id}`),
        {
          title:
            lang === 'ru'
              ? `Должник не внёс платёж по графику: ${money} до ${formatDate(t.deadline, lang)} — ${claim.title}`
              : `Settlement tranche missed: ${money} due ${formatDate(t.deadline, lang)}: ${claim.title}`,
          description:
            lang === 'ru'
              ? `По графику урегулирования${claim.counterpartyName ? ` с ${claim.counterpartyName}` : ''} платёж не поступил в срок. Свяжитесь с должником или переведите дело в подготовку иска.`
              : `The settlement payment${claim.counterpartyName ? ` from ${claim.counterpartyName}` : ''} did not arrive on time. Contact the debtor or move the case to court preparation.`,
          responsibleId: lawyer,
          deadline: endOfWorkingDay(calendar, nextWorkingDayOnOrAfter(calendar, today)),
          bindings: [`T${process.entityTypeId.toString(16)}_${claim.itemId}`],
        },
      )
      if (result) out.missed++
    }
  }
  if (out.paid || out.reverted) {
    await ports.audit.record({
      memberId: claim.memberId,
      actor: 'app',
      source: 'claims',
      action: 'claim.settlement-covered',
      entity: 'claim',
      entityId: String(claim.id),
      details: { paid: out.paid, reverted: out.reverted },
    })
  }
  if (out.paid || out.reverted || o.syncTotals) await syncRecoveryTotals(ports, client, process, claim, lang)
  return out
}

/** Every recovery case of the portal that has a schedule (the 15-minute claim scan). */
export async function trackSettlements(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
): Promise<SettlementOutcome> {
  const process = await claimsProcessOf(ports, memberId)
  const sum: SettlementOutcome = { paid: 0, reverted: 0, missed: 0 }
  if (!process) return sum
  for (const claim of await claimsRepository(ports.db).casesWithSchedule(memberId)) {
    const r = await trackSettlement(ports, client, process, claim)
    sum.paid += r.paid
    sum.reverted += r.reverted
    sum.missed += r.missed
  }
  return sum
}
