// `npm run cli -- calendar <workdays|add|years> ...`: the working calendar from a shell.
//   calendar workdays --from 2025-06-01 --to 2025-06-30 [--tz Europe/Moscow] [--json]
//   calendar add --from 2025-06-16 --working-days -5 [--tz ..] [--json]
//   calendar add --from 2026-02-20T17:30 --working-hours 4 [--tz ..] [--json]
//   calendar years [--today YYYY-MM-DD] [--tz ..] [--json]
// A datetime without an offset is read as wall-clock time in --tz.
import { parseArgs } from 'node:util'
import { DateTime } from 'luxon'
import type { CliIo } from '../main.ts'
import {
  CalendarError,
  addWorkingDays,
  addWorkingHours,
  calendarYearsPresent,
  createWorkingCalendar,
  describeDays,
  localDateOf,
  missingCalendarYears,
} from '../../domain/calendar/index.ts'
import type { WorkingCalendar } from '../../domain/calendar/index.ts'

const usage = `usage:
  calendar workdays --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--tz Europe/Moscow] [--json]
  calendar add --from <date or datetime> (--working-days N | --working-hours N) [--tz Europe/Moscow] [--json]
  calendar years [--today <YYYY-MM-DD>] [--tz Europe/Moscow] [--json]`

class UsageError extends Error {}

const weekday = (date: string): string => DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc')

/** parseArgs refuses "--working-days -5"; join a negative number to its flag. */
function joinNegatives(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1]
    if (/^--working-(days|hours)$/.test(args[i]) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${args[i]}=${next}`)
      i++
    } else out.push(args[i])
  }
  return out
}

function parse(args: string[]) {
  return parseArgs({
    args: joinNegatives(args),
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      today: { type: 'string' },
      tz: { type: 'string', default: 'Europe/Moscow' },
      'working-days': { type: 'string' },
      'working-hours': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
}

function number(value: string, flag: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got "${value}"`)
  return n
}

function workdays(
  cal: WorkingCalendar,
  from: string | undefined,
  to: string | undefined,
  json: boolean,
  io: CliIo,
): number {
  if (!from || !to) throw new UsageError('workdays needs --from and --to')
  const days = describeDays(cal, from, to)
  const working = days.filter((d) => d.working).map((d) => d.date)
  const holidays = days
    .filter((d) => !d.working && d.reason !== 'weekend')
    .map(({ date, reason }) => ({ date, reason }))
  const workingWeekends = days
    .filter((d) => d.working && (d.reason === 'working-weekend' || d.reason === 'company-working-day'))
    .map((d) => d.date)
  const shortened = days.filter((d) => d.shortened).map((d) => d.date)
  if (json) {
    io.out(
      JSON.stringify({
        from,
        to,
        timezone: cal.timezone,
        count: working.length,
        workingDays: working,
        holidays,
        workingWeekends,
        shortened,
      }),
    )
    return 0
  }
  io.out(`${from} .. ${to} (${cal.timezone}): ${working.length} working day(s) of ${days.length}`)
  if (holidays.length)
    io.out(`days off on weekdays:\n${holidays.map((h) => `  ${h.date} ${weekday(h.date)}  ${h.reason}`).join('\n')}`)
  if (workingWeekends.length)
    io.out(`working weekend days: ${workingWeekends.map((d) => `${d} ${weekday(d)}`).join(', ')}`)
  if (shortened.length) io.out(`shortened (pre-holiday) days: ${shortened.map((d) => `${d} ${weekday(d)}`).join(', ')}`)
  io.out(`working days: ${working.join(', ') || '(none)'}`)
  return 0
}

function readFrom(value: string, tz: string): { date?: string; instant?: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value }
  const dt = DateTime.fromISO(value, { zone: tz })
  if (!dt.isValid) throw new UsageError(`--from must be a date or a datetime, got "${value}"`)
  return { instant: dt.toUTC().toISO() as string }
}

function add(cal: WorkingCalendar, values: ReturnType<typeof parse>['values'], io: CliIo): number {
  const { from, json } = values
  const days = values['working-days']
  const hours = values['working-hours']
  if (!from || (days === undefined) === (hours === undefined))
    throw new UsageError('add needs --from and exactly one of --working-days, --working-hours')
  const start = readFrom(from, cal.timezone)
  const local = (iso: string) => DateTime.fromISO(iso).setZone(cal.timezone).toFormat('yyyy-MM-dd HH:mm ccc')
  if (days !== undefined) {
    const n = number(days, 'working-days')
    const date = start.date ?? localDateOf(cal.timezone, start.instant as string)
    const result = addWorkingDays(cal, date, n)
    if (json) io.out(JSON.stringify({ from: date, workingDays: n, timezone: cal.timezone, result }))
    else
      io.out(
        `${date} ${weekday(date)} ${n < 0 ? '-' : '+'} ${Math.abs(n)} working day(s) = ${result} ${weekday(result)}`,
      )
    return 0
  }
  const h = number(hours as string, 'working-hours')
  const instant =
    start.instant ??
    (DateTime.fromISO(start.date as string, { zone: cal.timezone })
      .toUTC()
      .toISO() as string)
  const result = addWorkingHours(cal, instant, h)
  const fromUtc = new Date(instant).toISOString()
  if (json)
    io.out(
      JSON.stringify({
        from: fromUtc,
        workingHours: h,
        timezone: cal.timezone,
        result,
        resultLocal: DateTime.fromISO(result).setZone(cal.timezone).toISO(),
      }),
    )
  else io.out(`${local(fromUtc)} + ${h} working hour(s) = ${local(result)} ${cal.timezone} (${result})`)
  return 0
}

/** Which years have data, and which of this year and the next 60 days' have none ("today" in --tz, or --today). */
function years(values: { json: boolean; tz: string; today?: string }, io: CliIo): number {
  const present = calendarYearsPresent()
  const today = values.today ?? (DateTime.now().setZone(values.tz).toISODate() as string)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !DateTime.fromISO(today).isValid)
    throw new UsageError(`--today must be a date YYYY-MM-DD, got "${today}"`)
  const missing = missingCalendarYears(today, present)
  const json = values.json
  if (json) io.out(JSON.stringify({ present, missing }))
  else
    io.out(
      `production calendar: ${present[0]}-${present[present.length - 1]}${missing.length ? `; MISSING: ${missing.join(', ')}` : ''}`,
    )
  return 0
}

export async function run(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(args)
    const [sub] = positionals
    if (sub === 'years') return years(values, io)
    if (sub !== 'workdays' && sub !== 'add')
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required')
    const cal = createWorkingCalendar({ timezone: values.tz })
    return sub === 'workdays' ? workdays(cal, values.from, values.to, values.json, io) : add(cal, values, io)
  } catch (e) {
    if (e instanceof CalendarError) {
      io.err(`${e.code}: ${e.message}`)
      return 1
    }
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e)) {
      io.err(`${e.message}\n${usage}`)
      return 2
    }
    throw e
  }
}
