// The "one language" check of the browser screens: in a Russian portal every word a person reads is
// Russian, except names and codes (a company's Latin name, an account, a file, "Telegram", "API"...).
import type { Page } from 'playwright-core'

/** Latin words a Russian screen may show: brands, formats and codes people type or know by that name. */
const ALLOWED = new Set(
  [
    'Telegram',
    'WhatsApp',
    'API',
    'CRM',
    'ID',
    'INN',
    'RUB',
    'MT940',
    'camt',
    'CSV',
    'csv',
    'XLSX',
    'xlsx',
    'PDF',
    'pdf',
    'DOCX',
    'docx',
    'PNG',
    'JPEG',
    'XML',
    'xml',
    'SLA',
    'SMTP',
    'URL',
    'HH',
    'MM',
    'Bitrix24',
    'Bitrix',
    'DSO',
    '1CClientBankExchange',
    'CClientBankExchange',
    'ISO',
    'SWIFT',
    'MT',
    'OpenAPI',
    'POST',
    'GET',
    'xmlcalendar',
  ].map((w) => w.toLowerCase()),
)

/** The Latin words of the tab's visible text that are not allowed and not in `names` (fixture data). */
export async function latinWords(page: Page, names: readonly string[] = []): Promise<string[]> {
  const inner = page.frames().find((f) => f !== page.mainFrame())
  if (!inner) return []
  // page script as text: the test project has no DOM types
  const text = await inner.evaluate<string>(
    `[document.body.innerText, ...[...document.querySelectorAll('input,textarea')].map((e) => e.placeholder || '')].join('\\n')`,
  )
  let rest = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ') // e-mail addresses
    .replace(/\{\{\s*[a-z_]+\s*\}\}|\{[a-z_]+\}/g, ' ') // template variables
    .replace(/\b[\w-]+\.(txt|xml|sta|csv|xlsx|docx|pdf)\b/gi, ' ') // file names
    .replace(/«[^»]*»/g, ' ') // names in quotes: «E-mail» is the portal's own activity name
    .replace(/\S*\/\S*/g, ' ') // paths
    .replace(/\b[a-z][\w-]*(\.[\w-]+)+\b/gi, ' ') // dotted codes and domains: crm.item.update, demo.bitrix24.ru
    .replace(/\b\w*_\w*\b/g, ' ') // snake_case codes, key prefixes
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ') // camelCase field codes
    .replace(/\b[a-z0-9]+(-[a-z0-9]+){2,}\b/g, ' ') // kebab-case codes (robot codes)
  for (const n of names) rest = rest.split(n).join(' ')
  const words = rest.match(/[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]/g) ?? []
  return [...new Set(words.filter((w) => w.length > 1 && !ALLOWED.has(w.toLowerCase())))]
}
