// The matcher's view of a portal's ledger: counterparties with INN/KPP and every open receivable
// (with its contract number), read in two queries (the receivables in pages). Payer INNs we do not know yet are looked up
// among the portal's requisites (crm.requisite.list, one batch per 50) and remembered.
import { sql } from 'kysely'
import { buildMatchIndex, type MatchIndex } from '../../domain/statements/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'

const RECEIVABLES_PAGE = 1000

/** The whole portal (a statement), or only what one payment can touch: its payer's INN and the invoice numbers it names. */
export async function loadMatchIndex(
  ports: Pick<ReceivablesPorts, 'db'>,
  memberId: string,
  only?: { inns: string[]; invoiceNumbers: string[] },
): Promise<MatchIndex> {
  let cpq = ports.db
    .selectFrom('counterparties')
    .select(['id', 'inn', 'kpp'])
    .where('member_id', '=', memberId)
    .where('inn', 'is not', null)
  if (only) cpq = cpq.where('inn', 'in', only.inns.length ? only.inns : ['-'])
  const cps = await cpq.execute()
  let rq = ports.db
    .selectFrom('receivables as r')
    .leftJoin('contracts as c', 'c.id', 'r.contract_id')
    .select([
      'r.id',
      'r.counterparty_id',
      'r.invoice_number',
      'c.number as contract_number',
      sql<string>`r.invoice_date::text`.as('invoice_date'),
      'r.remaining',
    ])
    .where('r.member_id', '=', memberId)
    .where('r.remaining', '>', 0)
  if (only) {
    const ids = cps.map((c) => Number(c.id))
    const numbers = only.invoiceNumbers.length ? only.invoiceNumbers : ['-']
    rq = rq.where((eb) =>
      eb.or([
        eb('r.counterparty_id', 'in', ids.length ? ids : [0]),
        eb(sql<string>`upper(r.invoice_number)`, 'in', numbers),
      ]),
    )
  }
  // in pages by id: one statement reading 20,000 open receivables held embedded PGlite (and every
  // HTTP request) for over a second
  const recs: Awaited<ReturnType<typeof rq.execute>> = []
  for (let after = 0; ;) {
    const page = await rq.where('r.id', '>', after).orderBy('r.id').limit(RECEIVABLES_PAGE).execute()
    recs.push(...page)
    if (page.length < RECEIVABLES_PAGE) break
    after = Number(page[page.length - 1].id)
  }
  return buildMatchIndex(
    cps.map((c) => ({ id: Number(c.id), inn: c.inn, kpp: c.kpp })),
    recs.map((r) => ({
      id: Number(r.id),
      counterpartyId: Number(r.counterparty_id),
      invoiceNumber: r.invoice_number,
      contractNumber: r.contract_number ?? null,
      invoiceDate: r.invoice_date,
      remaining: Number(r.remaining),
    })),
  )
}

type Requisite = { ENTITY_TYPE_ID?: string | number; ENTITY_ID?: string | number; RQ_INN?: string; RQ_KPP?: string }

/** Adds the INN/KPP of our counterparties whose requisites carry one of `inns`; returns how many were learnt. */
export async function learnPayerInns(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  inns: string[],
): Promise<number> {
  let learnt = 0
  for (let k = 0; k < inns.length; k += 50) {
    const chunk = inns.slice(k, k + 50)
    const res = await client.batch<Requisite[]>(
      Object.fromEntries(
        chunk.map((inn, n) => [
          `r${n}`,
          {
            method: 'crm.requisite.list',
            params: { filter: { RQ_INN: inn }, select: ['ENTITY_TYPE_ID', 'ENTITY_ID', 'RQ_INN', 'RQ_KPP'] },
          },
        ]),
      ),
      { halt: false },
    )
    for (const list of Object.values(res.results)) {
      for (const rq of list ?? []) {
        const type = Number(rq.ENTITY_TYPE_ID) === 4 ? 'company' : Number(rq.ENTITY_TYPE_ID) === 3 ? 'contact' : null
        if (!type || !rq.RQ_INN) continue
        const r = await ports.db
          .updateTable('counterparties')
          .set({ inn: rq.RQ_INN, kpp: rq.RQ_KPP || null, updated_at: new Date() })
          .where('member_id', '=', memberId)
          .where('entity_type', '=', type)
          .where('entity_id', '=', Number(rq.ENTITY_ID))
          .where('inn', 'is', null)
          .executeTakeFirst()
        learnt += Number(r.numUpdatedRows)
      }
    }
  }
  return learnt
}
