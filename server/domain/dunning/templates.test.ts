import { describe, expect, it } from 'vitest'
import { composeReminder, groupByCounterparty } from './compose-reminder.ts'
import { defaultDunningRules } from './default-rules.ts'
import { renderText } from './render-template.ts'
import { isWithinSendWindow, sendWindowOn } from './send-window.ts'
import { validateDunningRules } from './validate-rules.ts'
import { DunningError } from './dunning-error.ts'

const rules = defaultDunningRules()
const party = { counterparty: 'ООО Ромашка', manager: 'Иван Петров', paymentDetails: 'р/с 40702810000000000001' }
const inv = (n: string, remaining: number, daysOverdue = 3) => ({
  invoiceNumber: n,
  invoiceDate: '2025-05-20',
  dueDate: '2025-06-16',
  amount: 150_000_00,
  remaining,
  daysOverdue,
  penalty: 1_234_56,
})

describe('templates', () => {
  it('renders every variable of one invoice (ru)', () => {
    const m = composeReminder(
      rules,
      [
        {
          receivableId: 1,
          stepKey: 'r.after-3',
          template: 'overdue',
          channels: ['email'],
          invoice: inv('A-1', 100_000_00),
        },
      ],
      party,
      'ru',
    )
    expect(m.subject).toBe('Просрочена оплата счёта № A-1')
    expect(m.body).toContain('ООО Ромашка')
    expect(m.body).toContain('от 20.05.2025 просрочен на 3 дн.')
    expect(m.body).toMatch(/Остаток долга: 100\s000,00/)
    expect(m.body).toMatch(/Неустойка на сегодня: 1\s234,56/)
    expect(m.body).toContain('Иван Петров')
  })
  it('several invoices of one counterparty on one day: one consolidated message with all of them', () => {
    const m = composeReminder(
      rules,
      [
        {
          receivableId: 2,
          stepKey: 'r.due-day',
          template: 'due-day',
          channels: ['email'],
          invoice: inv('B-2', 50_000_00, 0),
        },
        {
          receivableId: 1,
          stepKey: 'r.after-3',
          template: 'overdue',
          channels: ['telegram'],
          invoice: { ...inv('A-1', 100_000_00), dueDate: '2025-06-11' },
        },
      ],
      party,
      'en',
    )
    expect(m.subject).toBe('Payment reminder for your invoices')
    expect(m.body.indexOf('A-1')).toBeLessThan(m.body.indexOf('B-2'))
    expect(m.body).toMatch(/Total to pay: RUB 150,000\.00/)
    expect(m.channels.sort()).toEqual(['email', 'telegram'])
    expect(
      groupByCounterparty([{ counterpartyId: 1 }, { counterpartyId: 2 }, { counterpartyId: 1 }]).get(1),
    ).toHaveLength(2)
  })
  it('an unknown variable is an error, not a silent blank', () => {
    expect(() => renderText('Hi {{nobody}}', {})).toThrow(DunningError)
  })
})

describe('send window', () => {
  it('10:00-17:00 in the debtor zone', () => {
    const w = { from: '10:00', to: '17:00' }
    const { fromMs, toMs } = sendWindowOn('2025-06-16', w, 'Asia/Vladivostok')
    expect(new Date(fromMs).toISOString()).toBe('2025-06-16T00:00:00.000Z')
    expect(new Date(toMs).toISOString()).toBe('2025-06-16T07:00:00.000Z')
    expect(isWithinSendWindow(Date.parse('2025-06-16T06:59:00Z'), '2025-06-16', w, 'Asia/Vladivostok')).toBe(true)
    expect(isWithinSendWindow(Date.parse('2025-06-16T07:00:00Z'), '2025-06-16', w, 'Asia/Vladivostok')).toBe(false)
    expect(() => sendWindowOn('2025-06-16', { from: '17:00', to: '10:00' }, 'UTC')).toThrow(/end after/)
  })
})

describe('settings validation', () => {
  it('defaults are valid', () => {
    expect(validateDunningRules(defaultDunningRules())).toBeTruthy()
  })
  it('hands out copies: editing one set of rules never changes the defaults', () => {
    const edited = defaultDunningRules()
    edited.ladders[0].steps[1].template = 'missing'
    edited.ladders[0].window = { from: '25:00', to: '10:00' }
    const fresh = defaultDunningRules()
    expect(fresh.ladders[0].steps[1].template).not.toBe('missing')
    expect(fresh.ladders[0].window).not.toEqual({ from: '25:00', to: '10:00' })
    expect(validateDunningRules(fresh)).toBeTruthy()
  })
  it('lists every problem', () => {
    const r = defaultDunningRules()
    r.ladders[0].steps[1].template = 'missing'
    r.ladders[0].window = { from: '25:00', to: '10:00' }
    r.rules = r.rules.filter((x) => x.riskSegment !== 'high')
    r.templates.overdue!.ru!.body = 'Hi {{nobody}}'
    try {
      validateDunningRules(r)
      expect.unreachable()
    } catch (e) {
      const errors = (e as DunningError).details as { errors: string[] }
      expect(errors.errors.join('\n')).toMatch(/unknown template "missing"[\s\S]*HH:MM|HH:MM[\s\S]*unknown template/)
      expect(errors.errors.some((x) => x.includes('"high"'))).toBe(true)
      expect(errors.errors.some((x) => x.includes('nobody'))).toBe(true)
    }
  })
})

describe('template variable syntax', () => {
  it('refuses a known variable in single braces, which would reach the client literally', async () => {
    const { unknownVariables } = await import('./render-template.ts')
    expect(unknownVariables('Уважаемый {counterparty}, счёт {{invoice_number}}')).toEqual(['{counterparty}'])
    expect(unknownVariables('{{counterparty}} {{nope}} {nope}')).toEqual(['nope'])
    const r = defaultDunningRules()
    r.templates['due-day'].ru = { subject: 'Счёт', body: 'Уважаемый {counterparty}' }
    expect(() => validateDunningRules(r)).toThrow(/\{counterparty\}/)
  })
})
