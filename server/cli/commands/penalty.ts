// `npm run cli -- penalty ...`: art. 395 interest or a contractual penalty for one debt, printed as
// a table (human) or as JSON with the table (amounts in kopecks).
import { parseArgs } from 'node:util'
import { MoneyError, parseRubles } from '../../domain/money/index.ts'
import {
  PENALTY_METHODS,
  PenaltyError,
  RATE_MODES,
  calculatePenalty,
  formatPenaltyTable,
  mergeKeyRates,
  parseBasisPoints,
} from '../../domain/penalties/index.ts'
import type {
  KeyRate,
  Payment,
  PenaltyCap,
  PenaltyInput,
  PenaltyMethod,
  PenaltyTerms,
  RateMode,
} from '../../domain/penalties/index.ts'

interface Io {
  out: (s: string) => void
  err: (s: string) => void
}

const usage = `usage: npm run cli -- penalty --principal 500000.00 --due 2024-07-10 --to 2025-06-20
    [--payment 2024-11-15:200000.00 ...] [--charge DATE:RUB ...] --method ${PENALTY_METHODS.join('|')}
    [--rate PCT]         per-day: % a day; fine: % of the debt; key-rate-fraction with --rate-mode fixed: the key rate, %
    [--amount RUB]       fine: a fixed sum
    [--cap-pct PCT | --cap RUB]   cap of a per-day or key-rate-fraction penalty
    [--fraction 300] [--rate-mode ${RATE_MODES.join('|')}]  (default payment-date)
    [--from DATE] [--no-moratorium] [--key-rate DATE:PCT ...] [--lang en|ru] [--json]`

class UsageError extends Error {}

const options = {
  principal: { type: 'string' },
  due: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  payment: { type: 'string', multiple: true },
  charge: { type: 'string', multiple: true },
  method: { type: 'string' },
  rate: { type: 'string' },
  amount: { type: 'string' },
  'cap-pct': { type: 'string' },
  cap: { type: 'string' },
  fraction: { type: 'string' },
  'rate-mode': { type: 'string' },
  'no-moratorium': { type: 'boolean' },
  'key-rate': { type: 'string', multiple: true },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values']

function need(values: Values, name: 'principal' | 'due' | 'to' | 'method'): string {
  const v = values[name]
  if (!v) throw new UsageError(`--${name} is required`)
  return v
}

function pairs(list: string[] | undefined, what: string): Array<[string, string]> {
  return (list ?? []).map((item) => {
    const i = item.indexOf(':')
    if (i < 0) throw new UsageError(`--${what} must be DATE:VALUE, got "${item}"`)
    return [item.slice(0, i), item.slice(i + 1)]
  })
}

function capOf(values: Values): PenaltyCap | undefined {
  if (values['cap-pct'] && values.cap) throw new UsageError('give either --cap-pct or --cap, not both')
  if (values['cap-pct']) return { kind: 'percent', percent: values['cap-pct'] }
  if (values.cap) return { kind: 'fixed', amount: parseRubles(values.cap) }
  return undefined
}

function termsOf(values: Values): PenaltyTerms {
  const method = need(values, 'method') as PenaltyMethod
  if (!PENALTY_METHODS.includes(method)) throw new UsageError(`--method must be one of ${PENALTY_METHODS.join(', ')}`)
  if (method === '395') {
    if (values.rate || values.amount || values.cap || values['cap-pct'])
      throw new UsageError('--method 395 takes no --rate, --amount or cap: the key rate applies')
    return { method }
  }
  if (method === 'per-day') {
    if (!values.rate) throw new UsageError('--method per-day needs --rate (% a day)')
    return { method, percentPerDay: values.rate, cap: capOf(values) }
  }
  if (method === 'fine') {
    if (!values.rate === !values.amount)
      throw new UsageError('--method fine needs either --rate (% of the debt) or --amount')
    return values.amount ? { method, amount: parseRubles(values.amount) } : { method, percent: values.rate }
  }
  const rateMode = (values['rate-mode'] ?? 'payment-date') as RateMode
  if (!RATE_MODES.includes(rateMode)) throw new UsageError(`--rate-mode must be one of ${RATE_MODES.join(', ')}`)
  const fraction = Number(values.fraction ?? '300')
  if ((rateMode === 'fixed') !== Boolean(values.rate))
    throw new UsageError('--rate (the key rate, %) goes with --rate-mode fixed, and only with it')
  const fixedRateBp = rateMode === 'fixed' ? parseBasisPoints(values.rate ?? '') : undefined
  return { method, fraction, rateMode, fixedRateBp, cap: capOf(values) }
}

export function inputOf(values: Values): PenaltyInput {
  const payments: Payment[] = pairs(values.payment, 'payment').map(([date, amount]) => ({
    date,
    amount: parseRubles(amount),
  }))
  const charges: Payment[] = pairs(values.charge, 'charge').map(([date, amount]) => ({
    date,
    amount: parseRubles(amount),
  }))
  const adminRates: KeyRate[] = pairs(values['key-rate'], 'key-rate').map(([from, pct]) => ({
    from,
    bp: parseBasisPoints(pct),
  }))
  return {
    principal: parseRubles(need(values, 'principal')),
    dueDate: need(values, 'due'),
    to: need(values, 'to'),
    from: values.from,
    payments,
    charges,
    terms: termsOf(values),
    keyRates: adminRates.length ? mergeKeyRates(adminRates) : undefined,
    optOutWindowIds: values['no-moratorium'] ? ['moratorium-2022'] : [],
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false })
    if (values.help) {
      io.out(usage)
      return 0
    }
    const lang = values.lang ?? 'en'
    if (lang !== 'en' && lang !== 'ru') throw new UsageError('--lang must be en or ru')
    const result = calculatePenalty(inputOf(values))
    io.out(values.json ? JSON.stringify(result, null, 2) : formatPenaltyTable(result, lang))
    return 0
  } catch (e) {
    if (e instanceof PenaltyError || e instanceof MoneyError) {
      io.err(`${e.code}: ${e.message}`)
      return 1
    }
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${e.message}\n${usage}`)
      return 2
    }
    throw e
  }
}
