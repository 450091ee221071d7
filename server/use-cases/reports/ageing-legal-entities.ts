// Ageing by our legal entity: the names written on the contracts, merged into the admin's list of
// legal entities where one matches by name or INN (quotes, dots and case aside), so "ООО «Альфа»" and
// "ООО Альфа" are one row with its INN; debts with no entity named come last as null.
import { AGEING_BUCKETS, emptyAgeingRow, type AgeingRow } from '../../domain/receivables/index.ts'
import type { LegalEntity } from '../admin/legal-entities.ts'

export interface LegalEntityAgeing {
  legalEntity: string | null
  inn: string | null
  ageing: AgeingRow
}

const norm = (s: string) => s.toLowerCase().replace(/[«»"'“”.,\s]/g, '')

function addRow(to: AgeingRow, from: AgeingRow): void {
  for (const k of [...AGEING_BUCKETS, 'total'] as const) {
    to[k].amount += from[k].amount
    to[k].count += from[k].count
  }
}

export function legalEntityAgeing(
  byLegalEntity: ReadonlyMap<string, AgeingRow>,
  ours: readonly LegalEntity[],
): LegalEntityAgeing[] {
  const rows = new Map<string, LegalEntityAgeing>()
  for (const [name, ageing] of byLegalEntity) {
    const hit = name
      ? ours.find((e) => norm(e.name) === norm(name) || (e.inn && norm(name).includes(e.inn)))
      : undefined
    const key = hit ? `inn:${hit.inn}` : name ? `name:${norm(name)}` : ''
    const row = rows.get(key) ?? {
      legalEntity: hit?.name ?? (name || null),
      inn: hit?.inn ?? null,
      ageing: emptyAgeingRow(),
    }
    addRow(row.ageing, ageing)
    rows.set(key, row)
  }
  return [...rows.values()].sort(
    (a, b) =>
      Number(a.legalEntity === null) - Number(b.legalEntity === null) || b.ageing.total.amount - a.ageing.total.amount,
  )
}
