// Property templates for automation rules: {=A<n>:<prop>} is the return value <prop> of step n
// (1-based) of the same run; {=Document:<field>} is a field of the item (crm.item name or UF_ name).
const TPL = /\{=(A\d+|Document):([A-Za-z0-9_]+)\}/g

export type TemplateSource = {
  step: (n: number) => Record<string, unknown> | undefined
  doc: (field: string) => unknown
}

function lookup(src: TemplateSource, who: string, prop: string): unknown {
  if (who === 'Document') return src.doc(prop)
  return src.step(Number(who.slice(1)))?.[prop]
}

export function renderTemplate(v: unknown, src: TemplateSource): unknown {
  if (typeof v === 'string') {
    const whole = /^\{=(A\d+|Document):([A-Za-z0-9_]+)\}$/.exec(v)
    if (whole) return lookup(src, whole[1], whole[2]) ?? ''
    return v.replace(TPL, (_m, who: string, prop: string) => {
      const x = lookup(src, who, prop)
      return x === undefined || x === null ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x)
    })
  }
  if (Array.isArray(v)) return v.map((x) => renderTemplate(x, src))
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renderTemplate(x, src)]))
  return v
}
