// Invoice and contract numbers a payer wrote in the purpose of payment: "по счету № 123 от
// 01.02.2024", "сч. №45, 46", "счетам №12 и №13", "по дог. № 15/2024", "invoice INV-7".
// Numbers are compared normalised: upper case, no spaces, no leading zeros.

const NUMBER = String.raw`[\p{L}]{0,6}[-\/]?\d[\p{L}\p{N}_\-\/.]*`
const SEP = String.raw`\s*(?:№|N\s|No\.?|#)?\s*`
const LIST = String.raw`(${NUMBER}(?:\s*(?:,|;|и|and)\s*(?:№\s*)?${NUMBER})*)`
const INVOICE = new RegExp(
  String.raw`(?:сч[её]т[а-я]*|сч\.?|с/ф|invoices?|inv\.?)(?:\s+на\s+оплату)?${SEP}${LIST}`,
  'giu',
)
const CONTRACT = new RegExp(String.raw`(?:дог(?:овор[а-я]*)?\.?|контракт[а-я]*|contract)${SEP}${LIST}`, 'giu')
const DATE = /\s*от\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s*г\.?)?/giu

export function normalizeDocNumber(n: string): string {
  return n
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[.,;]+$/, '')
    .replace(/^([A-ZА-ЯЁ]*[-/]?)0+(?=\d)/u, '$1')
}

function collect(re: RegExp, text: string): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(re)) {
    for (const part of m[1].split(/\s*(?:,|;|\sи\s|\sand\s)\s*/iu)) {
      const n = normalizeDocNumber(part.replace(/^№\s*/, ''))
      if (/\d/.test(n)) out.add(n)
    }
  }
  return [...out]
}

export function findDocumentNumbers(purpose: string): { invoices: string[]; contracts: string[] } {
  const text = purpose.replace(DATE, ' ')
  return { invoices: collect(INVOICE, text), contracts: collect(CONTRACT, text) }
}
