import { describe, expect, it } from 'vitest'
import { callbackFallbackNote, callbackSpeech } from './callback-texts.ts'
import { defaultDunningRules } from './default-rules.ts'
import { validateDunningRules } from './validate-rules.ts'

const inv = (invoiceNumber: string, remaining: number) => ({
  invoiceNumber,
  invoiceDate: '2026-11-02',
  dueDate: '2026-12-02',
  remaining,
  daysOverdue: 7,
})

describe('callback texts', () => {
  it('the words the manager hears: the counterparty, the invoices and the sum in the language', () => {
    expect(callbackSpeech('ООО Ромашка', [inv('A-1', 50_000_00), inv('A-2', 12_345_67)], 'ru')).toBe(
      'Звонок клиенту ООО Ромашка по оплате: счета A-1, A-2 на 62 345,67 рубля. Соединяю.',
    )
    expect(callbackSpeech('Romashka LLC', [inv('A-1', 1_000_00)], 'en')).toBe(
      'Calling Romashka LLC about the payment: invoice A-1, 1,000.00 rubles. Connecting.',
    )
  })

  it('the note of a callback that could not start names the reason and the task instead', () => {
    expect(callbackFallbackNote('no-line', 'ru')).toBe(
      'Обратный звонок: не запущен — в портале нет линии для исходящих звонков; поставлена задача на звонок',
    )
    expect(callbackFallbackNote('no-phone', 'en')).toBe(
      'Callback: not started, the client has no phone number; a call task was set instead',
    )
  })

  it('the call mode is "task" by default; only task or callback is stored', () => {
    expect(defaultDunningRules().callMode).toBe('task')
    expect(validateDunningRules({ ...defaultDunningRules(), callMode: 'callback' }).callMode).toBe('callback')
    expect(() => validateDunningRules({ ...defaultDunningRules(), callMode: 'robocall' })).toThrow(
      /callMode: one of task, callback/,
    )
  })
})
