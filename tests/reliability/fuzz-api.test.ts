// Property-based fuzzing of the accounting-system inputs: POST /api/v1/payments (with a valid key,
// so the body parser and validation are what is fuzzed) and bank-statement files (the parser and
// the import use-case). Bad inputs never cause a 5xx or an unexpected error, and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTestContext, seedPortal } from '../helpers/app.ts'
import { fuzzRuns } from './fuzz-runs.ts'
import { apiKeysRepository } from '../../server/storage/repositories/api-keys.ts'
import { parseStatement, StatementError } from '../../server/domain/statements/index.ts'
import { importStatement } from '../../server/use-cases/statements/import-statement.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { LedgerError } from '../../server/use-cases/receivables/ledger-error.ts'
import { lf } from '../fixtures/statements/encode.ts'
import { OUR, oneCLines } from '../fixtures/statements/one-c-file.ts'

const RUNS = fuzzRuns(2_000)
let t: Awaited<ReturnType<typeof createTestContext>>
let key: string

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a', 'app-token-a')
  key = (await apiKeysRepository(t.ctx.database.db).create('member-a', 'fuzz', 'test')).key
})
afterAll(async () => t.dispose())

const count = async (table: 'statement_lines' | 'payments' | 'statement_imports') =>
  Number(
    (
      await t.ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', '1e309', 'NaN', '__proto__', '2026-02-30', '9'.repeat(40), '-5', '0'),
)
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    hostile,
    fc.dictionary(fc.string({ maxLength: 10 }), tie('node'), { maxKeys: 5 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node
// near misses: a valid payment with one field broken
const nearMiss = fc
  .tuple(fc.constantFrom('reference', 'amount', 'paidOn', 'payerInn', 'payerKpp', 'receivableId', 'purpose'), hostile)
  .map(([field, v]) => ({
    reference: 'R-1',
    amount: 100,
    paidOn: '2099-01-01',
    payerInn: '7705000001',
    ...{ [field]: v },
  }))

describe('fuzzing POST /api/v1/payments', () => {
  it(`answers ${RUNS} generated bad bodies without a 5xx or a write`, async () => {
    const before = [await count('statement_lines'), await count('payments')]
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(tree, nearMiss),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (body, type) => {
          const r = await t.app.inject({
            method: 'POST',
            url: '/api/v1/payments',
            headers: { authorization: `Bearer ${key}`, 'content-type': type },
            payload: JSON.stringify(body) ?? 'null',
          })
          return r.statusCode >= 400 && r.statusCode < 500
        },
      ),
      { numRuns: RUNS },
    )
    expect([await count('statement_lines'), await count('payments')]).toEqual(before)
  }, 300_000)
})

describe('fuzzing statement files', () => {
  const good = lf(
    oneCLines(
      [
        {
          number: '1',
          date: '02.12.2024',
          amount: '100.00',
          payerInn: '7705000001',
          payer: 'ООО',
          payerAccount: '1',
          payeeAccount: OUR,
          credited: '02.12.2024',
          purpose: 'Оплата по счету № 5',
        },
      ],
      [{ account: OUR, opening: '0', incoming: '100', outgoing: '0', closing: '100' }],
    ),
  ).split('\n')
  const mutated = fc
    .array(
      fc.tuple(
        fc.nat(good.length - 1),
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(
            'СекцияДокумент',
            'КонецДокумента',
            'КонецФайла',
            'Сумма=',
            'Сумма=-1',
            'Сумма=1,5,5',
            'Дата=32.13.2024',
            '<?xml',
            '=',
            '===',
          ),
        ),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) =>
      new TextEncoder().encode(
        edits
          .reduce((l, [i, s]) => {
            const c = [...l]
            c[i] = s
            return c
          }, good)
          .join('\n'),
      ),
    )
  const files = fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    mutated,
    fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(`<?xml version="1.0"?>${s}`)),
  )

  it(`the parser reads or refuses ${RUNS} generated files with a StatementError only`, () => {
    fc.assert(
      fc.property(files, (bytes) => {
        try {
          parseStatement(bytes)
        } catch (e) {
          if (!(e instanceof StatementError)) throw e
        }
      }),
      { numRuns: RUNS },
    )
  })

  it(`an import that refuses a file (${Math.ceil(RUNS / 10)} generated) stores nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(files, async (bytes) => {
        const before = await count('statement_imports')
        try {
          await importStatement(
            receivablesPorts(t.ctx),
            { memberId: 'member-a', actor: 'fuzz', source: 'test' },
            { fileName: '../../etc/passwd', bytes },
          )
        } catch (e) {
          if (!(e instanceof StatementError) && !(e instanceof LedgerError)) throw e
          return (await count('statement_imports')) === before
        }
        const last = await t.ctx.database.db
          .selectFrom('statement_imports')
          .select('file_name')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
        return last.file_name === 'passwd' // path tricks never reach the stored name
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    )
  }, 300_000)
})
