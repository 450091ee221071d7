// A deadline in the portal's working time: N working days and/or hours from a moment, or the
// request cut-off rule (before the cut-off: end of this working day; after: end of the next).
import { DateTime } from 'luxon'
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError } from '../kit/types.ts'
import { portalCalendar } from '../kit/portal-calendar.ts'
import {
  addWorkingDays,
  addWorkingHours,
  localDateOf,
  nextWorkingMoment,
  requestDeadline,
  toEpochMs,
} from '../../server/domain/calendar/index.ts'
import { localMinutesOf, localTimeToMs } from '../../server/domain/calendar/instant.ts'

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

export default defineRobot({
  code: 'working-deadline',
  name: { ru: 'Срок в рабочем времени', en: 'Deadline in working time' },
  description: {
    ru: 'Прибавляет рабочие дни и часы по производственному календарю портала или считает срок по правилу «до/после отсечки»',
    en: "Adds working days and hours on the portal's production calendar, or applies the before/after cut-off rule",
  },
  documents: ['receivables', 'claims', 'approvals', 'deal', 'company', 'contact'],
  properties: {
    start: { name: { ru: 'Начало (по умолчанию сейчас)', en: 'Start (default now)' }, type: 'datetime' },
    mode: {
      name: { ru: 'Правило', en: 'Rule' },
      type: 'select',
      default: 'add',
      options: {
        add: { ru: 'Прибавить рабочие дни и часы', en: 'Add working days and hours' },
        request: { ru: 'Правило отсечки для заявки', en: 'Request cut-off rule' },
      },
    },
    days: { name: { ru: 'Рабочих дней', en: 'Working days' }, type: 'int', default: 0 },
    hours: { name: { ru: 'Рабочих часов', en: 'Working hours' }, type: 'int', default: 0 },
    cutoff: { name: { ru: 'Время отсечки (ЧЧ:ММ)', en: 'Cut-off time (HH:MM)' }, type: 'string', default: '13:00' },
  },
  returnProperties: {
    deadline: { name: { ru: 'Срок', en: 'Deadline' }, type: 'datetime' },
    deadlineDate: { name: { ru: 'Дата срока', en: 'Deadline date' }, type: 'date' },
  },
  async run(input) {
    const p = input.properties
    const { calendar: cal } = await portalCalendar(input)
    const zone = cal.timezone
    const raw = p.start === null ? null : String(p.start)
    const start =
      raw === null
        ? input.ctx.clock.now().getTime()
        : /(Z|[+-]\d{2}:?\d{2})$/i.test(raw)
          ? toEpochMs(raw)
          : DateTime.fromISO(raw, { zone }).toMillis()
    const days = Number(p.days ?? 0)
    const hours = Number(p.hours ?? 0)
    let due: number
    if (p.mode === 'request') {
      const cutoff = String(p.cutoff ?? '13:00')
      if (!CLOCK.test(cutoff))
        throw new RobotError('robot.bad-property', `"cutoff" must be HH:MM, got "${cutoff.slice(0, 20)}"`)
      due = toEpochMs(requestDeadline(cal, start, { cutoff }))
    } else {
      if (days < 0 || hours < 0 || days > 3650 || hours > 87_600)
        throw new RobotError('robot.bad-property', '"days" and "hours" must be between 0 and 10 years')
      if (days === 0 && hours === 0)
        throw new RobotError('robot.missing-property', 'Give "days" or "hours" (or choose the request cut-off rule)')
      // N working days keep the working time of day: the moment moves to the Nth working day after.
      let t = toEpochMs(nextWorkingMoment(cal, start))
      if (days > 0)
        t = localTimeToMs(zone, addWorkingDays(cal, localDateOf(zone, t), days), Math.round(localMinutesOf(zone, t)))
      due = hours > 0 ? toEpochMs(addWorkingHours(cal, t, hours)) : t
    }
    const local = DateTime.fromMillis(due, { zone })
    return {
      values: { deadline: local.toISO({ suppressMilliseconds: true })!, deadlineDate: local.toISODate()! },
      log: `${p.mode === 'request' ? 'cut-off rule' : `+${days} working days +${hours} working hours`}: ${local.toFormat('yyyy-MM-dd HH:mm ZZ')}`,
    }
  },
})
