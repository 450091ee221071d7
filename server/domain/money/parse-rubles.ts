// Strict parsing of a rouble amount written by a person or a form: "500000", "500000.5",
// "500000.00", "500000,00". No thousands separators, no exponent, no more than 2 decimals.
import { MoneyError } from './money-error.ts'
import { kopecksFromBigInt } from './kopecks.ts'
import type { AmountRules, Kopecks } from './kopecks.ts'

const pattern = /^(-)?(\d{1,16})(?:[.,](\d{1,2}))?$/

export function parseRubles(text: string, rules: AmountRules = {}): Kopecks {
  if (typeof text !== 'string') {
    throw new MoneyError('money.invalid-amount', `not a rouble amount: ${String(text)}`, { value: text })
  }
  const trimmed = text.trim()
  const m = pattern.exec(trimmed)
  if (!m) {
    const tooPrecise = /^-?\d+[.,]\d{3,}$/.test(trimmed)
    const message = tooPrecise ? `more than 2 decimals in "${text}"` : `not a rouble amount: "${text}"`
    const code = /^-?\d{17,}([.,]\d{1,2})?$/.test(trimmed) ? 'money.out-of-range' : 'money.invalid-amount'
    throw new MoneyError(code, message, { value: text })
  }
  const negative = m[1] === '-'
  const kopecks = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'))
  if (negative && kopecks !== 0n && !rules.allowNegative) {
    throw new MoneyError('money.negative-amount', `negative amount: "${text}"`, { value: text })
  }
  return kopecksFromBigInt(negative ? -kopecks : kopecks, { allowNegative: true })
}
