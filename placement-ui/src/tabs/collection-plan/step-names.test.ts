import { describe, expect, it } from 'vitest'
import type { DunningStepDto } from '../../../../contracts/dunning.ts'
import { ruPlural, stepWhat, stepWhen } from './step-names.ts'

const step = (when: DunningStepDto['when'], what?: DunningStepDto['what']): DunningStepDto => ({
  key: 'r.x',
  kind: what ? 'escalation' : 'reminder',
  label: 'x',
  when,
  what,
  date: null,
  status: 'waiting',
  overdue: false,
  channels: [],
  doneOn: null,
  detail: null,
})

describe('collection plan step names', () => {
  it('names the default ladder in Russian words, never by id', () => {
    expect(stepWhen(step({ anchor: 'due', offset: -5, unit: 'working' }), 'ru')).toBe('за 5 рабочих дней до срока')
    expect(stepWhen(step({ anchor: 'due', offset: 0, unit: 'working' }), 'ru')).toBe('в день оплаты')
    expect(stepWhen(step({ anchor: 'due', offset: 3, unit: 'calendar' }), 'ru')).toBe('через 3 дня после срока')
    expect(stepWhen(step({ anchor: 'due', offset: 1, unit: 'working' }), 'ru')).toBe('через 1 рабочий день после срока')
    expect(stepWhen(step({ repeat: 2, of: 8, everyDays: 7, unit: 'working' }), 'ru')).toBe(
      'повтор 2 из 8 (каждые 7 рабочих дней)',
    )
    expect(stepWhen(step({ daysOverdue: 21 }), 'ru')).toBe('просрочка 21 день')
    expect(stepWhen(step({ anchor: 'due', offset: -5, unit: 'working' }), 'en')).toBe(
      '5 working days before the due date',
    )
    expect(stepWhen(step(undefined), 'ru')).toBe('x')
  })
  it('says what an escalation does', () => {
    expect(
      stepWhat(step({ daysOverdue: 30 }, { tasks: ['Позвонить клиенту'], notifyHead: true, openClaim: true }), 'ru'),
    ).toBe('Позвонить клиенту, уведомить руководителя, открыть претензию')
  })
  it('plural forms', () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => ruPlural(n, 'день', 'дня', 'дней'))).toEqual([
      'день',
      'дня',
      'дней',
      'дней',
      'дней',
      'день',
      'дня',
      'дней',
      'дней',
    ])
  })
})
