// Opens the Claim Work item of a receivable in "Debt recovery" once (crm.item.add, xmlId = effect
// key, found again on a retry), linked to the receivable and the counterparty, its amount in our
// debtPrincipal money field (the type has no `opportunity`: see report-claims.ts), with its limitation
// end date (3 years from the day after the invoice's due date); notifies sales and legal and gives
// the lawyer the task "Prepare the claim". The claims feature extends this file.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstallState } from '../../bitrix24/install-state.ts'
import { addWorkingHours, type WorkingCalendar } from '../../domain/calendar/index.ts'
import type { DunningRules } from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { createDunningTask } from '../dunning/dunning-tasks.ts'
import { notifyEmployee } from '../dunning/dunning-channels.ts'
import { writeOnce } from '../dunning/dunning-write-once.ts'
import { fieldName, moneyValue } from '../receivables/receivable-item-fields.ts'
import { limitationEndsOn } from '../../domain/claims/limitation-period.ts'

export interface OpenClaimInput {
  memberId: string
  row: DunningRow
  rules: DunningRules
  calendar: WorkingCalendar
  lang: 'ru' | 'en'
  reason: string
}

/** The claim item id (existing or new); null when the claims process is not installed. */
export async function openClaim(
  ports: DunningPorts,
  client: PortalClient,
  state: InstallState | null,
  i: OpenClaimInput,
): Promise<number | null> {
  const { memberId, row, rules, lang } = i
  const claims = state?.processes.claims
  const receivables = state?.processes.receivables
  if (!claims) {
    ports.log.warn({ memberId, receivableId: row.receivableId }, 'dunning.claim-process-missing')
    return null
  }
  const pipeline = claims.pipelines.recovery ?? Object.values(claims.pipelines)[0]
  const key = effectKeys.claimOpen(memberId, row.receivableId)
  const title =
    lang === 'ru'
      ? `Претензия: ${row.counterpartyName}, счёт № ${row.invoiceNumber}`
      : `Claim: ${row.counterpartyName}, invoice ${row.invoiceNumber}`
  const principal = fieldName(claims, 'debtPrincipal')
  const links = fieldName(claims, 'receivables')
  const limitation = fieldName(claims, 'limitationExpires')
  const limitationEnds = limitationEndsOn(i.calendar, [row.dueDate])
  const fields: Record<string, unknown> = {
    title,
    xmlId: key,
    assignedById: rules.lawyerId ?? row.responsibleId ?? 1,
    ...(pipeline
      ? { categoryId: pipeline.categoryId, ...(pipeline.stages.NEW ? { stageId: pipeline.stages.NEW } : {}) }
      : {}),
    ...(row.entityType === 'company' ? { companyId: row.entityId } : { contactId: row.entityId }),
    ...(principal ? { [principal]: moneyValue(row.remaining, 'RUB') } : {}),
    ...(limitation && limitationEnds ? { [limitation]: limitationEnds } : {}),
    // the receivable is linked through our crm field, not parentId<N>: that field exists only with a
    // relation between the types (object-fields.md), and a claim may cover several receivables
    ...(receivables && row.itemId && links
      ? { [links]: [`T${receivables.entityTypeId.toString(16)}_${row.itemId}`] }
      : {}),
  }
  const { result } = await writeOnce<{ itemId: number }>(ports.effects, memberId, key, {
    lookup: async () => {
      const r = await client.call<{ items: { id: number }[] }>('crm.item.list', {
        entityTypeId: claims.entityTypeId,
        filter: { xmlId: key },
        select: ['id'],
      })
      return r?.items?.length ? { itemId: Number(r.items[0].id) } : null
    },
    write: async () => ({
      itemId: Number(
        (
          await client.call<{ item: { id: number } }>(
            'crm.item.add',
            { entityTypeId: claims.entityTypeId, fields },
            { idempotent: false },
          )
        ).item.id,
      ),
    }),
  })
  const claimId = result?.itemId ?? null
  if (claimId === null) return null
  await ports.repo.patchState(memberId, row.receivableId, { claim_item_id: claimId })
  await ports.repo.patchCounterparty(memberId, row.counterpartyId, { status: 'claim' })
  const note =
    lang === 'ru'
      ? `Открыта претензионная работа: ${row.counterpartyName}, счёт № ${row.invoiceNumber}, долг ${(row.remaining / 100).toFixed(2)} ₽. ${i.reason}`
      : `Claim work opened: ${row.counterpartyName}, invoice ${row.invoiceNumber}, debt ${(row.remaining / 100).toFixed(2)} RUB. ${i.reason}`
  const notifyIds = new Set(
    [row.responsibleId, rules.headOfSalesId, rules.lawyerId, ...rules.legalNotifyIds].filter((x): x is number =>
      Boolean(x),
    ),
  )
  for (const userId of notifyIds)
    await notifyEmployee(
      ports,
      client,
      memberId,
      effectKeys.claimOpenEffect(memberId, row.receivableId, `notify-${userId}`),
      userId,
      note,
    )
  if (rules.lawyerId) {
    await createDunningTask(
      ports,
      client,
      memberId,
      effectKeys.claimOpenEffect(memberId, row.receivableId, 'lawyer-task'),
      {
        title:
          lang === 'ru'
            ? `Подготовить претензию: ${row.counterpartyName}`
            : `Prepare the claim: ${row.counterpartyName}`,
        description: note,
        responsibleId: rules.lawyerId,
        deadline: addWorkingHours(i.calendar, ports.now().getTime(), 16),
        bindings: [`T${claims.entityTypeId.toString(16)}_${claimId}`],
      },
    )
  }
  return claimId
}
