// `npm run cli -- document ...`: look at a document without a portal.
//   document sample <kind> --out <file> [--lang ru|en] [--format pdf|xlsx|docx]
//                                                         renders a document from built-in sample data
//   document qr [requisites] [--sum RUB] [--out file.png] prints a ГОСТ Р 56042-2014 payment payload
//                                                         (the sample invoice's requisites by default)
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { MoneyError, parseRubles } from '../../domain/money/index.ts'
import { PaymentQrError, paymentQrPayload } from '../../domain/money/payment-qr-payload.ts'
import { DOCUMENT_SAMPLES } from '../../documents/document-samples.ts'
import { qrPng } from '../../documents/payment-qr.ts'
import { invoicePurpose, invoiceTotals } from '../../documents/invoice-totals.ts'
import { sampleInvoice } from '../../documents/sample-invoice.ts'
import { russianQuotes } from '../../documents/typography.ts'
import type { CliIo } from '../main.ts'
import { renderReconciliationActPdf } from '../../documents/reconciliation-act-pdf.ts'
import { renderReconciliationActXlsx } from '../../documents/reconciliation-act-xlsx.ts'
import { renderClaimStatementDocx } from '../../documents/claim-statement-docx.ts'
import { reconciliationActSample } from '../samples/reconciliation-act-sample.ts'
import { claimStatementSample } from '../samples/claim-statement-sample.ts'

type Lang = 'ru' | 'en'
type Format = 'pdf' | 'xlsx' | 'docx'
/** Every kind with the formats it renders to; the first is the default. */
const SAMPLES: Record<string, Partial<Record<Format, (lang: Lang) => Promise<Buffer>>>> = {
  ...Object.fromEntries(Object.entries(DOCUMENT_SAMPLES).map(([k, s]) => [k, { [s.ext]: s.render }])),
  'reconciliation-act': {
    pdf: (lang) => renderReconciliationActPdf(reconciliationActSample(lang)),
    xlsx: (lang) => renderReconciliationActXlsx(reconciliationActSample(lang)),
  },
  'claim-statement': { docx: (lang) => renderClaimStatementDocx(claimStatementSample(lang)) },
}

const kinds = Object.keys(SAMPLES).join('|')
const usage = `usage: npm run cli -- document sample <${kinds}> --out <file> [--lang ru|en] [--format pdf|xlsx|docx]
       npm run cli -- document qr [--name N] [--account 20 digits] [--bank N] [--bic 9 digits] [--corr 20 digits]
                                  [--inn INN] [--kpp KPP] [--sum RUB] [--purpose TEXT] [--out file.png]`

const options = {
  out: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string' },
  name: { type: 'string' },
  account: { type: 'string' },
  bank: { type: 'string' },
  bic: { type: 'string' },
  corr: { type: 'string' },
  inn: { type: 'string' },
  kpp: { type: 'string' },
  sum: { type: 'string' },
  purpose: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${usage}`)
    return 2
  }
  const { values: v, positionals } = parsed
  if (v.help) {
    io.out(usage)
    return 0
  }
  const lang = v.lang ?? 'ru'
  if (lang !== 'ru' && lang !== 'en') {
    io.err(`--lang: ru or en, got "${lang}"`)
    return 2
  }
  if (positionals[0] === 'sample' && positionals.length <= 2) return sample(positionals[1], v.out, v.format, lang, io)
  if (positionals[0] === 'qr') return qr(v, io)
  io.err(usage)
  return 2
}

async function sample(
  kind: string | undefined,
  out: string | undefined,
  format: string | undefined,
  lang: Lang,
  io: CliIo,
) {
  const known = Object.keys(SAMPLES)
  const s = kind ? SAMPLES[kind] : undefined
  if (!s) {
    io.err(`${kind ? `unknown document "${kind}"` : 'which document?'}; known: ${known.join(', ')}\n${usage}`)
    return 2
  }
  const formats = Object.keys(s) as Format[]
  const ext = (format ?? formats[0]) as Format
  const render = s[ext]
  if (!render) {
    io.err(`--format for ${kind}: ${formats.join(' or ')}`)
    return 2
  }
  if (!out) {
    io.err(`--out <file.${ext}> is required`)
    return 2
  }
  const bytes = await render(lang)
  writeFileSync(out, bytes)
  io.out(`${kind}: ${bytes.length} bytes written to ${out}`)
  return 0
}

async function qr(v: Record<string, string | boolean | undefined>, io: CliIo) {
  const inv = sampleInvoice('ru')
  const s = inv.supplier
  const str = (k: string, fallback: string) => (typeof v[k] === 'string' ? (v[k] as string) : fallback)
  let payload: string
  try {
    payload = paymentQrPayload({
      name: str('name', russianQuotes(s.name)),
      account: str('account', s.bankDetails.account),
      bankName: str('bank', s.bankDetails.bank),
      bic: str('bic', s.bankDetails.bic),
      corrAccount: str('corr', s.bankDetails.corrAccount ?? ''),
      inn: str('inn', s.inn ?? ''),
      kpp: str('kpp', s.kpp ?? ''),
      sum: typeof v.sum === 'string' ? parseRubles(v.sum) : invoiceTotals(inv).total,
      purpose: str('purpose', invoicePurpose(inv)),
    })
  } catch (e) {
    if (e instanceof PaymentQrError || e instanceof MoneyError) {
      io.err(e instanceof MoneyError ? `--sum: ${e.message}` : e.message)
      return 2
    }
    throw e
  }
  io.out(payload)
  if (typeof v.out === 'string') {
    writeFileSync(v.out, await qrPng(payload))
    io.out(`QR code written to ${v.out}`)
  }
  return 0
}
