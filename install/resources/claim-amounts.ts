// Migration of claim amounts into our own money fields. The amount of a Claim Work item lives in
// debtPrincipal (debt recovery) or compensationAmount (compensation), never in `opportunity`: our
// type has no isLinkWithProductsEnabled, and a real portal then stores no opportunity
// (api-reference/crm/universal/object-fields.md, SPA). Items written before this design kept the
// amount only in `opportunity` (readable where an admin switched the type's sum on, or on an old
// emulator state); each of them with an empty field gets the amount copied once. Idempotent: a
// second run finds the fields set and writes nothing.
import { operate, type ReconcileCtx } from '../reconcile-context.ts'

type ItemRow = Record<string, unknown> & { id: number | string; categoryId?: number | string }

export async function reconcileClaimAmounts(rc: ReconcileCtx): Promise<void> {
  const proc = rc.state.processes.claims
  const principal = proc?.fields.debtPrincipal?.restName
  const agreed = proc?.fields.compensationAmount?.restName
  if (!proc || !principal || !agreed) return
  const compensation = proc.pipelines.compensation?.categoryId
  const items = await rc.client.listAll<ItemRow>(
    'crm.item.list',
    { entityTypeId: proc.entityTypeId, select: ['id', 'categoryId', 'opportunity', 'currencyId', principal, agreed] },
    { itemsKey: 'items', idField: 'id' },
  )
  for (const item of items) {
    const field = compensation !== undefined && Number(item.categoryId) === compensation ? agreed : principal
    const amount = Number(item.opportunity)
    if (isSet(item[field]) || !Number.isFinite(amount) || amount <= 0) continue
    const currency = typeof item.currencyId === 'string' && /^[A-Z]{3}$/.test(item.currencyId) ? item.currencyId : 'RUB'
    const value = `${amount.toFixed(2)}|${currency}`
    await operate(rc, { kind: 'item', action: 'update', target: `claims/${String(item.id)}`, detail: value }, () =>
      rc.client.call('crm.item.update', { entityTypeId: proc.entityTypeId, id: item.id, fields: { [field]: value } }),
    )
  }
}

const isSet = (v: unknown) => v !== null && v !== undefined && v !== '' && !/^0(\.0+)?(\|[A-Z]{3})?$/.test(String(v))
