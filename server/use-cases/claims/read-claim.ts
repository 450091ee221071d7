// The claim tab's view: tranches with who paid them, the totals and the difference to the agreed
// compensation, and for debt recovery the money, the dates, the latest letter and the court case.
import { payoutTotals } from '../../domain/claims/payouts.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { fullName, users } from '../../bitrix24/rest/index.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { claimedToday } from './claim-debts.ts'
import { loadClaim } from './claim-case.ts'
import { readClaimDocuments, type LetterLink } from './read-claim-documents.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { isProvisionalDeadline } from '../receivables/provisional-deadline.ts'

/** A court case number's public card (arbitration courts' file: kad.arbitr.ru). */
export const courtCaseUrl = (n: string) => `https://kad.arbitr.ru/Card?number=${encodeURIComponent(n)}`

export async function readClaim(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
  letterLink: LetterLink,
): Promise<ClaimViewDto> {
  const { claim, facts, counterpartyName, process } = await loadClaim(ports, client, memberId, itemId)
  const { lang, today, calendar } = await portalDay(ports, memberId)
  const repo = claimsRepository(ports.db)
  const tranches = await repo.tranches(memberId, claim.id)
  const payers = [...new Set(tranches.map((t) => t.paidBy).filter((x): x is number => x !== null))]
  const names = new Map(
    (payers.length ? await users.many(client, payers).catch(() => []) : []).map((u) => [Number(u.ID), fullName(u)]),
  )
  const letter = claim.kind === 'recovery' ? await repo.latestLetter(memberId, claim.id) : null
  // a recovery case's penalty and interest as of today, computed as the letter would (not only once one exists)
  const owed = claim.kind === 'recovery' ? await claimedToday(ports, memberId, itemId, facts, today, lang) : null
  return {
    today,
    id: claim.id,
    itemId,
    kind: claim.kind,
    stage: facts.stage,
    counterparty: counterpartyName ? { name: counterpartyName } : null,
    // a settlement schedule is measured against what is claimed now plus what its paid tranches covered
    agreedCompensation:
      claim.kind === 'payout'
        ? facts.agreed
        : owed!.principal + owed!.penalty + owed!.interest + payoutTotals(tranches).paid,
    tranches: tranches.map((t) => ({
      id: t.id,
      deadline: t.deadline,
      amount: t.amount,
      status: t.status,
      paidOn: t.paidOn,
      paidBy: t.paidBy,
      paidByName: t.paidBy ? (names.get(t.paidBy) ?? null) : null,
      taskId: t.taskId,
    })),
    totals: payoutTotals(tranches),
    recovery:
      claim.kind !== 'recovery'
        ? null
        : {
            principal: owed!.principal,
            penalty: owed!.penalty,
            interest: owed!.interest,
            total: owed!.principal + owed!.penalty + owed!.interest,
            method:
              owed!.interest > 0 && owed!.penalty > 0
                ? 'both'
                : owed!.interest > 0
                  ? '395'
                  : owed!.penalty > 0
                    ? 'contractual'
                    : null,
            claimSentOn: facts.claimSentOn,
            pretrialEndsOn: facts.pretrialEndsOn,
            pretrialProvisional: isProvisionalDeadline(calendar, today, facts.pretrialEndsOn),
            limitationEndsOn: facts.limitationEndsOn,
            letter: letter
              ? { url: letterLink(memberId, letter.id), generatedAt: letter.generatedAt.toISOString() }
              : null,
            courtCase: facts.courtCase ? { number: facts.courtCase, url: courtCaseUrl(facts.courtCase) } : null,
          },
    documents: await readClaimDocuments(ports.db, client, process, claim, letterLink, lang),
  }
}
