// The admin page's company settings, each validated before it is stored and audited after:
// the working calendar (zone, hours, lunch, company days off / working days), the key-rate rows
// the admin added (our legal entities are in legal-entities.ts).
import {
  calendarYearsPresent,
  createWorkingCalendar,
  missingCalendarYears,
  CalendarError,
  type WorkingCalendarSettings,
} from '../../domain/calendar/index.ts'
import { mergeKeyRates, PenaltyError, type KeyRate } from '../../domain/penalties/index.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/actor.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { KEY_RATES_SETTING } from '../claims/penalty-settings.ts'
import { baseKeyRates } from '../claims/refresh-key-rates.ts'
import { keyRatesRepository } from '../../storage/repositories/key-rates.ts'

export const invalid = (message: string) => new LedgerError('invalid', 'settings.invalid', message)
export const obj = (v: unknown, what: string): Record<string, unknown> => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalid(`${what} must be an object`)
  return v as Record<string, unknown>
}
export const str = (v: unknown, field: string, max: number, pattern?: RegExp, hint?: string): string => {
  if (typeof v !== 'string' || v.length > max) throw invalid(`${field}: text up to ${max} characters`)
  const s = v.trim()
  if (pattern && s && !pattern.test(s)) throw invalid(`${field}: ${hint}`)
  return s
}
export async function save(ports: ReceivablesPorts, who: Actor, key: string, value: unknown) {
  await ports.settings.set(who.memberId, key, value, who.actor)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.changed',
    entity: 'setting',
    entityId: key,
    details: { value },
  })
}

// ---- working calendar
export interface CalendarSettingsView {
  settings: Required<Pick<WorkingCalendarSettings, 'timezone' | 'workStart' | 'workEnd'>> &
    Pick<WorkingCalendarSettings, 'lunch' | 'companyDaysOff' | 'companyWorkingDays'>
  yearsPresent: number[]
  /** Years the portal loaded its official calendar for (beyond the built-in ones). */
  loadedYears: number[]
  /** Years without data from today to 60 days ahead: counted by art. 112, provisionally. */
  missingYears: number[]
  today: string
}

export async function readCalendarSettings(ports: ReceivablesPorts, memberId: string): Promise<CalendarSettingsView> {
  const { calendar, today } = await portalDay(ports, memberId)
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return {
    settings: {
      timezone: calendar.timezone,
      workStart: hhmm(calendar.workStart),
      workEnd: hhmm(calendar.workEnd),
      ...(calendar.lunch ? { lunch: { start: hhmm(calendar.lunch.start), end: hhmm(calendar.lunch.end) } } : {}),
      companyDaysOff: [...calendar.companyDaysOff].sort(),
      companyWorkingDays: [...calendar.companyWorkingDays].sort(),
    },
    yearsPresent: calendarYearsPresent(),
    loadedYears: Object.keys(calendar.officialYears).map(Number).sort(),
    missingYears: missingCalendarYears(today, [
      ...calendarYearsPresent(),
      ...Object.keys(calendar.officialYears).map(Number),
    ]),
    today,
  }
}

export async function saveCalendarSettings(
  ports: ReceivablesPorts,
  who: Actor,
  body: unknown,
): Promise<CalendarSettingsView> {
  const b = obj(body, 'calendar')
  const days = (v: unknown, field: string) => {
    if (v === undefined) return []
    if (!Array.isArray(v) || v.length > 366) throw invalid(`${field}: a list of up to 366 dates YYYY-MM-DD`)
    return [...new Set(v.map((d) => str(d, field, 10, /^\d{4}-\d{2}-\d{2}$/, 'dates YYYY-MM-DD')))].sort()
  }
  const lunch = b.lunch === undefined || b.lunch === null ? undefined : obj(b.lunch, 'lunch')
  const settings: WorkingCalendarSettings = {
    timezone: str(b.timezone, 'timezone', 64),
    workStart: str(b.workStart, 'workStart', 5),
    workEnd: str(b.workEnd, 'workEnd', 5),
    ...(lunch ? { lunch: { start: str(lunch.start, 'lunch.start', 5), end: str(lunch.end, 'lunch.end', 5) } } : {}),
    companyDaysOff: days(b.companyDaysOff, 'companyDaysOff'),
    companyWorkingDays: days(b.companyWorkingDays, 'companyWorkingDays'),
  }
  try {
    createWorkingCalendar({ ...settings, missingYear: 'art-112' })
  } catch (e) {
    if (e instanceof CalendarError) throw invalid(e.message)
    throw e
  }
  if (settings.companyDaysOff!.some((d) => settings.companyWorkingDays!.includes(d)))
    throw invalid('a date cannot be both a company day off and a company working day')
  // the official years the admin loaded stay (they are loaded on their own: calendar-year-admin.ts)
  const loaded = (await ports.settings.get<WorkingCalendarSettings>(who.memberId, 'calendar'))?.officialYears
  await save(ports, who, 'calendar', { ...settings, ...(loaded ? { officialYears: loaded } : {}) })
  return readCalendarSettings(ports, who.memberId)
}

// ---- key rates
export interface KeyRatesView {
  /** added: the admin's row; fromBank: fetched from the Bank of Russia (refresh-key-rates.ts) */
  rates: { from: string; percent: string; added: boolean; fromBank: boolean }[]
  /** The daily fetch: when it last worked, and why it fails since `failingSince` (null while it works). */
  fetch: { lastSuccessAt: string | null; failingSince: string | null; lastError: string | null }
}
const percentOf = (bp: number) => (bp / 100).toFixed(2)

export async function readKeyRates(ports: ReceivablesPorts, memberId: string): Promise<KeyRatesView> {
  const added = (await ports.settings.get<KeyRate[]>(memberId, KEY_RATES_SETTING)) ?? []
  const repo = keyRatesRepository(ports.db)
  const fetched = await repo.list()
  const table = mergeKeyRates(added, baseKeyRates(fetched))
  const mine = new Set(added.map((r) => r.from))
  const bank = new Set(fetched.map((r) => r.from))
  const st = await repo.state()
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    rates: table.rows
      .map((r) => ({
        from: r.from,
        percent: percentOf(r.bp),
        added: mine.has(r.from),
        fromBank: !mine.has(r.from) && bank.has(r.from),
      }))
      .reverse(),
    fetch: { lastSuccessAt: iso(st.lastSuccessAt), failingSince: iso(st.failingSince), lastError: st.lastError },
  }
}

/** Adds (or, with percent null, removes) an admin rate row. */
export async function changeKeyRate(ports: ReceivablesPorts, who: Actor, body: unknown): Promise<KeyRatesView> {
  const b = obj(body, 'key rate')
  const from = str(b.from, 'from', 10, /^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  const added = ((await ports.settings.get<KeyRate[]>(who.memberId, KEY_RATES_SETTING)) ?? []).filter(
    (r) => r.from !== from,
  )
  if (b.percent !== null) {
    const p = str(b.percent, 'percent', 6, /^\d{1,2}([.,]\d{1,2})?$/, 'a percentage like 16.5')
    const [i, f = ''] = p.replace(',', '.').split('.')
    const bp = Number(i) * 100 + Number(f.padEnd(2, '0'))
    if (bp <= 0 || bp > 5000) throw invalid('percent: from 0.01 to 50')
    added.push({ from, bp })
  }
  added.sort((x, y) => (x.from < y.from ? -1 : 1))
  try {
    mergeKeyRates(added, baseKeyRates(await keyRatesRepository(ports.db).list()))
  } catch (e) {
    if (e instanceof PenaltyError) throw invalid(e.message)
    throw e
  }
  await save(ports, who, KEY_RATES_SETTING, added)
  return readKeyRates(ports, who.memberId)
}
