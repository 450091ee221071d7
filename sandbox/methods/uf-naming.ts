// UF_CRM_... -> crm.item field name (reference 5.6).
// Regular: suffix of only letters (words camel-cased) or only digit blocks (underscores kept).
// Simplified: mixed suffix -> `ufCrm_` + rest verbatim.
export function ufCamel(upper: string): string {
  if (!upper.startsWith('UF_CRM_')) return upper
  const rest = upper.slice('UF_CRM_'.length)
  const m = /^(\d+)_(.+)$/.exec(rest)
  if (!m) return `ufCrm_${rest}`
  const [, obj, suffix] = m
  if (/^[A-Z]+(_[A-Z]+)*$/.test(suffix)) {
    return `ufCrm${obj}${suffix
      .split('_')
      .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
      .join('')}`
  }
  if (/^\d+(_\d+)*$/.test(suffix)) return `ufCrm${obj}_${suffix}`
  return `ufCrm_${rest}`
}
