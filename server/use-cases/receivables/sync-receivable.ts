// A portal item changed (event or reconcile): upsert the ledger's receivable from it. A new item
// with an invoice becomes a New invoice; a stage a person set is recorded as a manual move and
// respected; changed terms re-mirror the balance; a move to Sent to client delivers the invoice.
// A number already used by our legal entity in the year is kept (the portal's item exists) and warned of.
import { effectiveDueDate, validateReceivableTerms, type StageCode } from '../../domain/receivables/index.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { Receivable, TermsPatch } from '../../storage/repositories/receivables.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { inLedgerTx } from './ledger-tx.ts'
import { enqueueMirror } from './enqueue-mirror.ts'
import { readPortalItem, type PortalReceivable } from './receivable-item-fields.ts'
import { itemXmlId } from './ensure-portal-item.ts'
import { readLegalEntities } from '../admin/legal-entities.ts'
import { numberClashesOf } from './invoice-number-rule.ts'

export interface ItemSnapshot {
  item: Record<string, unknown>
  /** Counterparty details when they were read along (crm.company.get / crm.contact.get). */
  party?: { name?: string | null; email?: string | null; inn?: string | null } | null
}

export type SyncResult =
  | { status: 'ignored'; reason: string }
  | {
      status: 'created' | 'updated' | 'unchanged'
      receivable: Receivable
      enteredStage: StageCode | null
      drift: boolean
    }

export async function syncReceivableFromItem(
  ports: ReceivablesPorts,
  memberId: string,
  process: InstalledProcess,
  snap: ItemSnapshot,
  source: 'event' | 'reconcile',
): Promise<SyncResult> {
  const it = readPortalItem(process, snap.item)
  if (!it.itemId) return { status: 'ignored', reason: 'no item id' }
  const party = it.companyId
    ? { entityType: 'company' as const, entityId: it.companyId }
    : it.contactId
      ? { entityType: 'contact' as const, entityId: it.contactId }
      : null
  if (!party) return { status: 'ignored', reason: 'the item has no company or contact' }
  if (!it.invoiceNumber || it.amount === null || !it.dueDate || !it.invoiceDate)
    return { status: 'ignored', reason: 'the item has no invoice yet' }
  let terms
  try {
    terms = validateReceivableTerms({
      invoiceNumber: it.invoiceNumber,
      invoiceDate: it.invoiceDate,
      dueDate: it.dueDate,
      amount: it.amount,
      currency: it.currency,
    })
  } catch (e) {
    return { status: 'ignored', reason: `invalid invoice: ${(e as Error).message}` }
  }
  const { calendar } = await portalDay(ports, memberId)
  const effective = effectiveDueDate(calendar, terms.dueDate)
  const xmlLinked = typeof snap.item.xmlId === 'string' ? /^rc-receivable-(\d+)$/.exec(snap.item.xmlId) : null
  const actor = it.movedBy ? `user:${it.movedBy}` : 'portal'

  const sync = () =>
    inLedgerTx(ports.db, async (r) => {
      let rec = await r.receivables.getByItem(memberId, it.itemId, { forUpdate: true })
      if (!rec && xmlLinked) {
        const own = await r.receivables.get(memberId, Number(xmlLinked[1]), { forUpdate: true })
        if (own && own.itemId === null && snap.item.xmlId === itemXmlId(own.id)) {
          await r.receivables.setItemId(memberId, own.id, it.itemId)
          rec = { ...own, itemId: it.itemId }
        }
      }
      const cp = await r.counterparties.upsert(memberId, {
        ...party,
        name: snap.party?.name ?? null,
        email: snap.party?.email ?? null,
        inn: snap.party?.inn ?? null,
      })
      if (!rec) {
        const created = await r.receivables.insert(memberId, {
          counterpartyId: cp.id,
          contractId: null,
          itemId: it.itemId,
          ...terms,
          effectiveDueDate: effective,
          stage: it.stage ?? 'NEW',
          responsibleId: it.assignedById,
          createdBy: actor,
          createdSource: source,
        })
        await r.audit.record({
          memberId,
          actor,
          source,
          action: 'receivable.created',
          entity: 'receivable',
          entityId: String(created.id),
          details: { itemId: it.itemId, ...terms },
        })
        return {
          status: 'created' as const,
          receivable: created,
          enteredStage: created.stage as StageCode,
          moneyChanged: true,
          numberChanged: true,
        }
      }
      const changed: TermsPatch = diffTerms(rec, {
        ...terms,
        effectiveDueDate: effective,
        responsibleId: it.assignedById,
      })
      if (cp.id !== rec.counterpartyId) changed.counterpartyId = cp.id
      if (Object.keys(changed).length) {
        await r.receivables.updateTerms(memberId, rec.id, changed)
        await r.audit.record({
          memberId,
          actor,
          source,
          action: 'receivable.terms-changed',
          entity: 'receivable',
          entityId: String(rec.id),
          details: changed,
        })
      }
      let enteredStage: StageCode | null = null
      if (it.stage && it.stage !== rec.stage) {
        enteredStage = it.stage
        await r.receivables.setStage(memberId, rec.id, it.stage, true, { at: ports.now() })
        await r.audit.record({
          memberId,
          actor,
          source,
          action: 'receivable.stage-moved-manually',
          entity: 'receivable',
          entityId: String(rec.id),
          details: { from: rec.stage, to: it.stage },
        })
      }
      const after = (await r.receivables.get(memberId, rec.id))!
      const moneyChanged = changed.amount !== undefined || changed.effectiveDueDate !== undefined
      const status = Object.keys(changed).length || enteredStage ? ('updated' as const) : ('unchanged' as const)
      const numberChanged = changed.invoiceNumber !== undefined || changed.invoiceDate !== undefined
      return { status, receivable: after, enteredStage, moneyChanged, numberChanged }
    })
  // two jobs of one new item (its add event and a robot, or two events) may both insert: the one that
  // loses the unique item index reads the row the other created and goes the update path
  const out = await sync().catch((e: unknown) => {
    if ((e as { code?: string }).code === '23505' && /receivables_item_uq/.test((e as Error).message)) return sync()
    throw e
  })
  // a number a person gave in the portal is never refused; a clash with another invoice of our entity
  // in the year (invoice-number-rule.ts) is logged here and shown on the invoice card
  if (out.numberChanged) await warnNumberClash(ports, out.receivable)
  const drift = out.status === 'unchanged' && hasDrift(out.receivable, it)
  if (out.moneyChanged || drift) {
    await enqueueMirror(
      ports,
      { memberId, receivableId: out.receivable.id, trigger: out.moneyChanged ? 'money' : 'refresh' },
      out.receivable.version,
    )
  }
  return { status: out.status, receivable: out.receivable, enteredStage: out.enteredStage, drift }
}

async function warnNumberClash(ports: ReceivablesPorts, rec: Receivable): Promise<void> {
  const clashes = await numberClashesOf(ports.db, await readLegalEntities(ports, rec.memberId), rec)
  if (clashes.length)
    ports.log.warn(
      {
        memberId: rec.memberId,
        receivableId: rec.id,
        invoiceNumber: rec.invoiceNumber,
        clashWith: clashes.map((c) => c.id),
      },
      'receivable.number-clash',
    )
}

type Terms = {
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  effectiveDueDate: string
  amount: number
  currency: string
  responsibleId: number | null
}

function diffTerms(rec: Receivable, t: Terms): Partial<Terms> {
  const out: Partial<Terms> = {}
  for (const k of ['invoiceNumber', 'invoiceDate', 'dueDate', 'effectiveDueDate', 'amount', 'currency'] as const) {
    if (rec[k] !== t[k]) (out as Record<string, unknown>)[k] = t[k]
  }
  if (t.responsibleId !== null && rec.responsibleId !== t.responsibleId) out.responsibleId = t.responsibleId
  return out
}

/** The portal shows other paid / remaining than the ledger (a lost mirror or a hand edit). */
function hasDrift(rec: Receivable, it: PortalReceivable): boolean {
  return it.paid !== rec.paid || it.remaining !== rec.remaining
}
