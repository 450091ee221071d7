import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from './statement.ts'
import { crlf, encodeCp1251, lf } from '../../../tests/fixtures/statements/encode.ts'
import { OUR, OUR2, oneCLines, type Doc } from '../../../tests/fixtures/statements/one-c-file.ts'

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
const dir = mkdtempSync(join(tmpdir(), 'rc-statement-cli-'))
const file = (name: string, bytes: Uint8Array | string) => {
  const p = join(dir, name)
  writeFileSync(p, bytes)
  return p
}

const docs: Doc[] = [
  {
    number: '512',
    date: '02.12.2024',
    amount: '150000.00',
    payerInn: '7705000010',
    payerKpp: '770501001',
    payer: 'ООО Ромашка',
    payerAccount: '40702810000000000512',
    payeeAccount: OUR,
    credited: '02.12.2024',
    purpose: 'Оплата по счету № 101',
  },
  {
    number: '9',
    date: '03.12.2024',
    amount: '1000',
    payer: 'ООО «Поставщик»',
    payerInn: '7701234560',
    payerAccount: OUR,
    payeeAccount: '40702810000000000999',
    debited: '03.12.2024',
    purpose: 'Оплата аренды',
  },
]
const balances = [
  { account: OUR, opening: '10000.00', incoming: '150000.00', outgoing: '1000.00', closing: '159000.00' },
]

describe('statement parse', () => {
  it('prints the documents (direction, date, kopecks, payer INN/KPP, purpose) and the balance check as JSON', async () => {
    const r = await cli('parse', file('a.txt', encodeCp1251(crlf(oneCLines(docs, balances)))), '--json')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out)
    expect(j).toMatchObject({
      format: '1c',
      version: '1.03',
      encoding: 'windows-1251',
      period: { from: '2024-12-01', to: '2024-12-04' },
      accounts: [OUR, OUR2],
      warnings: [],
    })
    expect(
      j.documents.map(
        (d: {
          direction: string
          valueDate: string
          amount: number
          payer: { inn: string; kpp: string | null }
          purpose: string
        }) => [d.direction, d.valueDate, d.amount, d.payer.inn, d.payer.kpp, d.purpose],
      ),
    ).toEqual([
      ['incoming', '2024-12-02', 15_000_000, '7705000010', '770501001', 'Оплата по счету № 101'],
      ['outgoing', '2024-12-03', 100_000, '7701234560', null, 'Оплата аренды'],
    ])
    expect(j.balances).toMatchObject([{ account: OUR, ok: true, difference: 0 }])
  })

  it('prints a readable table; exit 3 when the balances disagree', async () => {
    const ok = await cli('parse', file('b.txt', lf(oneCLines(docs, balances))))
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/^1c 1\.03 \(utf-8\), 2024-12-01 – 2024-12-04, 2 documents/)
    expect(ok.out).toMatch(/incoming 2024-12-02 +150000\.00 +7705000010 +Оплата по счету № 101/)
    expect(ok.out).toContain(`OK   account ${OUR}: balances agree`)
    const bad = await cli('parse', file('c.txt', lf(oneCLines(docs, [{ ...balances[0], closing: '1.00' }]))))
    expect(bad.code).toBe(3)
    expect(bad.out).toContain('FAIL')
  })

  it('reads MT940 and camt.053 from the standards, warnings by line; exit 3 when a camt.053 Stmt has no balances', async () => {
    const fixtures = new URL('../../../tests/fixtures/statements/files/', import.meta.url)
    const mt = await cli('parse', new URL('mt940-two-messages.sta', fixtures).pathname)
    expect(mt.code).toBe(0)
    expect(mt.out).toMatch(/^mt940 +\(utf-8\), 2023-06-20 – 2023-06-22, 3 documents/)
    expect(mt.out).toContain('warning: line 11: skipped: a reversal of 1,000.00')
    const v04 = await cli('parse', new URL('camt053-v04.xml', fixtures).pathname)
    expect(v04.out).toContain('warning: line 26: the amount 250.00500 is rounded to kopecks: 250.01')
    const noBalances = new URL('camt053-v04.xml', fixtures).pathname
    const text = (await import('node:fs')).readFileSync(noBalances, 'utf8').replace(/<Bal>[\s\S]*?<\/Bal>/g, '')
    const bare = await cli('parse', file('nobal.xml', text))
    expect(bare.code).toBe(3)
    expect(bare.out).toContain('FAIL statement 1: no opening or closing balance or no account; nothing can be verified')
    expect(bare.out).toContain(
      'warning: line 8: statement 1: no opening or closing balance or no account; balances not checked',
    )
  })

  it('exit 1 for what is not a statement or cannot be read, 2 for usage errors', async () => {
    expect(await cli('parse', file('d.csv', 'Дата;Сумма\n01.12.2024;100'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('statement.unknown-format'),
    })
    expect((await cli('parse', join(dir, 'missing.txt'))).code).toBe(1)
    expect((await cli('parse')).code).toBe(2)
    expect((await cli('frobnicate', 'x')).code).toBe(2)
    expect((await cli('import', file('e.txt', 'x'))).err).toContain('--portal')
    expect((await cli('parse', file('f.txt', 'x'), '--portal', 'p')).code).toBe(2)
  })
})
