// Hostile statement files, per format (1CClientBankExchange, camt.053, MT940), generated from the
// standards' fixtures: truncated, other encodings, random bytes, billion-laughs XML, huge numbers,
// 5-decimal amounts, deep nesting and long garbage, tampered amounts. Each file is parsed in under
// 2 s, fails only with a StatementError, and a file whose balances fail is never allowed to record
// (a tampered amount always fails the check). FUZZ_RUNS / SOAK=1 (10,000 per format) as elsewhere.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  balancesAllowRecording,
  checkBalances,
  parseStatement,
  StatementError,
  type ParsedStatement,
} from '../../server/domain/statements/index.ts'
import { encodeCp1251, encodeCp866 } from '../fixtures/statements/encode.ts'
import { fuzzRuns } from './fuzz-runs.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/statements/files/${name}`, import.meta.url)).toString('utf8')
const FORMATS = {
  '1c': { text: fixture('one-c-anonymised.txt'), amount: /(?<=Сумма=|Остаток=|Всего\p{L}+=)\d+\.\d{2}/gu },
  camt053: { text: fixture('camt053-v02.xml'), amount: /(?<=<Amt Ccy="RUB">)\d+\.\d+(?=<\/Amt>)/g },
  mt940: { text: fixture('mt940-two-messages.sta'), amount: /(?<=:61:\d{6}(?:\d{4})?R?[CD])\d+,\d*/g },
}

function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

const BOMB =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'

type Mutant = { bytes: Uint8Array; tampered: boolean }
const utf8 = (t: string) => new TextEncoder().encode(t)

function mutate(text: string, amount: RegExp, r: () => number): Mutant {
  const at = () => Math.floor(r() * text.length)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const kind = Math.floor(r() * 12)
  switch (kind) {
    case 0:
      return { bytes: utf8(text.slice(0, at())), tampered: false }
    case 1:
      return {
        // eslint-disable-next-line no-control-regex -- every ASCII character is kept, control ones included
        bytes: pick([encodeCp1251, encodeCp866])(text.replace(/[^\u0000-\u007f\u0410-\u044f\u0401\u0451№]/g, '?')),
        tampered: false,
      }
    case 2: {
      const b = utf8(text)
      for (let k = 0; k < 1 + r() * 20; k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256)
      return { bytes: b, tampered: false }
    }
    case 3:
      return { bytes: utf8(text.replace(/^<\?xml[^>]*\?>/, BOMB).replace('<Ustrd>', '<Ustrd>&lol3;')), tampered: false }
    case 4:
      return { bytes: utf8(text.replace(amount, () => '9'.repeat(10 + Math.floor(r() * 40)) + '.00')), tampered: true }
    case 5:
      return {
        bytes: utf8(
          text.replace(amount, (a) => `${a.replace(/[.,].*$/, '')}.${String(Math.floor(r() * 1e5)).padStart(5, '0')}`),
        ),
        tampered: true,
      }
    case 6: {
      const depth = 50 + Math.floor(r() * 5000)
      const p = at()
      return {
        bytes: utf8(text.slice(0, p) + '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth) + text.slice(p)),
        tampered: false,
      }
    }
    case 7: {
      const p = at()
      const junk = pick(['?', '/', ':61:', '=', '<', '&#', 'СекцияДокумент\n', ':86:/EREF/'])
      return {
        bytes: utf8(text.slice(0, p) + junk.repeat(1 + Math.floor(r() * 20_000)) + text.slice(p)),
        tampered: false,
      }
    }
    case 8: {
      // one amount changed to another valid amount: the balances must catch it
      const all = [...text.matchAll(amount)]
      const m = pick(all)
      const sep = m[0].includes(',') ? ',' : '.'
      const other = `${Math.floor(r() * 100_000)}${sep}${String(Math.floor(r() * 100)).padStart(2, '0')}`
      return { bytes: utf8(text.slice(0, m.index) + other + text.slice(m.index! + m[0].length)), tampered: true }
    }
    case 9:
      return {
        bytes: Uint8Array.from({ length: Math.floor(r() * 4096) }, () => Math.floor(r() * 256)),
        tampered: false,
      }
    case 10:
      return {
        bytes: utf8(
          text
            .split(/\r?\n/)
            .filter(() => r() > 0.1)
            .join('\n'),
        ),
        tampered: false,
      }
    default:
      return { bytes: new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer), tampered: false }
  }
}

const sums = (s: ParsedStatement) =>
  s.documents.reduce((t, d) => t + (d.direction === 'incoming' ? d.amount : -d.amount) * 1, 0)

describe.each(Object.entries(FORMATS))('hostile %s files', (format, { text, amount }) => {
  it(`${fuzzRuns(300)} generated files: no crash, no hang past 2 s, failed balances never allow recording`, () => {
    const original = parseStatement(utf8(text))
    expect(balancesAllowRecording(checkBalances(original))).toBe(true)
    const r = rng(format.length * 7919 + 17)
    const runs = fuzzRuns(300)
    let parsed = 0
    for (let n = 0; n < runs; n++) {
      const m = mutate(text, new RegExp(amount.source, amount.flags), r)
      const started = performance.now()
      let s: ParsedStatement | null = null
      try {
        s = parseStatement(m.bytes)
      } catch (e) {
        if (!(e instanceof StatementError)) throw new Error(`run ${n}: ${(e as Error).stack}`, { cause: e })
      }
      expect(performance.now() - started, `run ${n} took too long`).toBeLessThan(2000)
      if (!s) continue
      parsed++
      const checks = checkBalances(s)
      if (checks.some((c) => !c.ok)) expect(balancesAllowRecording(checks)).toBe(false)
      if (m.tampered && s.format === original.format && sums(s) !== sums(original))
        expect(balancesAllowRecording(checks), `run ${n}: a tampered amount passed the balance check`).toBe(false)
    }
    expect(parsed).toBeGreaterThan(0)
  }, 600_000)
})
