// `npm run cli -- state-duty --claim 1234567.89 [--court arbitration|general] [--lang en|ru] [--json]`:
// the state duty on a property claim by the scale in force since 09.09.2024 (Tax Code art. 333.21
// for arbitration courts, art. 333.19 for general courts), in whole rubles; JSON amounts in kopecks.
import { parseArgs } from 'node:util'
import { MoneyError, formatRubles, parseRubles } from '../../domain/money/index.ts'
import {
  DUTY_ARTICLES,
  StateDutyError,
  calculateStateDuty,
  describeDutyRow,
  parseCourt,
} from '../../domain/claims/state-duty.ts'
import type { CliIo } from '../main.ts'

const usage = `usage: npm run cli -- state-duty --claim RUB [--court arbitration|general] [--lang en|ru] [--json]
    --claim   the claim value in rubles (principal + penalty + interest to the filing date), e.g. 1234567.89`

const options = {
  claim: { type: 'string' },
  court: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

class UsageError extends Error {}

export async function run(args: string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false })
    if (values.help) {
      io.out(usage)
      return 0
    }
    if (!values.claim) throw new UsageError('--claim is required')
    const lang = values.lang ?? 'en'
    if (lang !== 'en' && lang !== 'ru') throw new UsageError('--lang must be en or ru')
    const court = parseCourt(values.court)
    const r = calculateStateDuty(parseRubles(values.claim), court)
    const article = `Tax Code ${DUTY_ARTICLES[court]}`
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            court,
            claim: r.claim,
            duty: r.duty,
            article,
            scaleSince: '2024-09-09',
            row: { ...r.row, text: describeDutyRow(r.row, lang) },
            capped: r.capped,
          },
          null,
          2,
        ),
      )
    } else {
      const label = lang === 'ru' ? 'Госпошлина' : 'State duty'
      io.out(`${label}: ${formatRubles(r.duty, lang)} (${article}; ${describeDutyRow(r.row, lang)})`)
    }
    return 0
  } catch (e) {
    if (e instanceof StateDutyError || e instanceof MoneyError) {
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
