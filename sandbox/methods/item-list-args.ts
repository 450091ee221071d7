// crm.item.list arguments checked the way the portal checks them
// (api-reference/crm/universal/crm-item-list.md, "Possible Error Codes": 400 INVALID_ARG_VALUE).
import { RestError } from '../rest/errors.ts'
import { DOC_DATE, DOC_DATETIME } from '../util/time.ts'
import { resolveField, type FieldDef, type SchemaIndex } from './item-schema.ts'

const bad = (msg: string) => new RestError('INVALID_ARG_VALUE', msg, 400)

/** Unknown order fields and directions other than ASC/DESC are refused. */
export function checkOrder(idx: SchemaIndex, order: unknown): void {
  if (order === undefined || order === null || order === '') return
  if (typeof order !== 'object' || Array.isArray(order)) throw bad('Invalid order: an object is expected')
  for (const [field, dir] of Object.entries(order as Record<string, unknown>)) {
    if (!resolveField(idx, field)) throw bad(`Invalid order: field '${field}' is not allowed in order`)
    const d = String(dir).toUpperCase()
    if (d !== 'ASC' && d !== 'DESC')
      throw bad(`Invalid order: allowed sort directions are ASC, DESC. But got '${String(dir)}' for field '${field}'`)
  }
}

/**
 * Filter values the portal refuses with "Invalid filter: field '…' has invalid value":
 * - date/datetime values only in the formats of api-reference/data-types.md (YYYY-MM-DD or
 *   YYYY-MM-DDThh:mm:ss±hh:mm; no milliseconds, no Z);
 * - boolean user fields only as 1/0 (crm-item-list.md: "Format Y or N ... is not supported").
 */
export function listFilterValue(d: FieldDef, name: string, v: unknown): unknown {
  const each = Array.isArray(v) ? v : [v]
  for (const x of each) {
    if (x === null || x === '' || x === false) continue
    if (
      (d.type === 'date' || d.type === 'datetime') &&
      !(typeof x === 'string' && (DOC_DATE.test(x) || DOC_DATETIME.test(x)))
    )
      throw bad(`Invalid filter: field '${name}' has invalid value`)
    if (d.type === 'boolean' && d.dynamic && !['1', '0', 1, 0, true].includes(x as never))
      throw bad(`Invalid filter: field '${name}' has invalid value`)
  }
  return v
}
