// Arbitration court case numbers (e.g. А40-123456/2025: the court's letter and code, the case's
// number, the year). Written with a Cyrillic or Latin "A", dashes of any kind, spaces around them;
// normalised to the Cyrillic form the courts publish, so "A40 - 123456 / 2025" finds "А40-123456/2025".
// The digits stay as written (leading zeros included): a number is an identifier, not a quantity.
const PATTERN = /(?<![\p{L}\d])[АA]\s?(\d{1,3})\s*[-‐‑–—]\s*(\d{1,7})\s*\/\s*((?:19|20)\d{2})(?!\d)/giu

export function normaliseCaseNumber(raw: string): string | null {
  const found = findCaseNumbers(raw)
  return found.length === 1 && raw.trim().length <= found[0]!.length + 8 ? found[0]! : null
}

/** Every distinct case number in a text (subject, body), in the order they first appear. */
export function findCaseNumbers(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(PATTERN)) {
    const n = `А${m[1]}-${m[2]}/${m[3]}`
    if (!out.includes(n)) out.push(n)
  }
  return out
}

/** Plain text of an e-mail body that may be HTML (tags and entities removed). */
export function plainText(body: string): string {
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
}
