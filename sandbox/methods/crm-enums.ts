// crm.enum.ownertype (reference 14): entity type ids, symbolic codes and short codes.
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx } from '../rest/context.ts'

const STANDARD: [number, string, string, string][] = [
  [1, 'Lead', 'LEAD', 'L'],
  [2, 'Deal', 'DEAL', 'D'],
  [3, 'Contact', 'CONTACT', 'C'],
  [4, 'Company', 'COMPANY', 'CO'],
  [5, 'Invoice', 'INVOICE', 'I'],
  [7, 'Estimate', 'QUOTE', 'Q'],
  [8, 'Requisite', 'REQUISITE', 'RQ'],
  [14, 'Order', 'ORDER', 'O'],
  [31, 'Invoice', 'SMART_INVOICE', 'SI'],
]

export const shortCode = (entityTypeId: number) => `T${entityTypeId.toString(16)}`

function ownerTypes(ctx: Ctx) {
  const rows = STANDARD.map(([id, name, code, short]) => ({
    ID: id,
    NAME: name,
    SYMBOL_CODE: code,
    SYMBOL_CODE_SHORT: short,
  }))
  for (const t of ctx.ps.types.values()) {
    const etid = Number(t.entityTypeId)
    rows.push({ ID: etid, NAME: String(t.title), SYMBOL_CODE: `DYNAMIC_${etid}`, SYMBOL_CODE_SHORT: shortCode(etid) })
  }
  return { result: rows }
}

export const crmEnumMethods: MethodTable = {
  'crm.enum.ownertype': { scope: 'crm', handler: ownerTypes },
}
