import { describe, expect, it } from 'vitest'
import { callTaskText, channelSkipNote, channelWord } from './channel-texts.ts'

const inv = (n: string, remaining: number, daysOverdue = 5) => ({
  invoiceNumber: n,
  invoiceDate: '2026-11-02',
  dueDate: '2026-12-02',
  remaining,
  daysOverdue,
})

describe('channel texts', () => {
  it('the call task names the counterparty, every invoice and the sum in kopecks, ru and en', () => {
    const ru = callTaskText('ООО Ромашка', [inv('A-1', 50_000_00), inv('A-2', 1_234_56, 0)], 'ru', {
      subject: 'Напоминание',
      body: 'Оплатите, пожалуйста',
    })
    expect(ru.title).toBe('Позвонить: ООО Ромашка — счета A-1, A-2 на 51 234,56 ₽')
    expect(ru.description.split('\n')).toEqual([
      'Позвоните клиенту «ООО Ромашка» и напомните об оплате. Итого к оплате: 51 234,56 ₽.',
      '',
      '— счёт № A-1 от 02.11.2026, срок 02.12.2026, остаток 50 000,00 ₽, просрочка 5 дн.',
      '— счёт № A-2 от 02.11.2026, срок 02.12.2026, остаток 1 234,56 ₽',
      '',
      'Текст напоминания этого шага:',
      'Напоминание',
      'Оплатите, пожалуйста',
    ])
    const en = callTaskText('Romashka LLC', [inv('A-1', 50_000_00)], 'en', { subject: 's', body: 'b' })
    expect(en.title).toBe('Call Romashka LLC: invoice A-1, RUB 50,000.00')
    expect(en.description).toContain(
      '- invoice A-1 of 2026-11-02, due 2026-12-02, remaining RUB 50,000.00, 5 days overdue',
    )
  })

  it('names channels and the reason a channel was skipped in the portal language', () => {
    expect(channelWord('call', 'ru')).toBe('задача на звонок')
    expect(channelSkipNote('openline', 'no-open-line', 'ru')).toBe(
      'Открытая линия: пропущено — у клиента нет подключённой открытой линии',
    )
    expect(channelSkipNote('openline', 'no-scope', 'en')).toBe(
      'Open line: skipped, the app was not granted «Open lines» (the imopenlines scope)',
    )
    expect(channelSkipNote('call', 'no-scope', 'ru')).toBe(
      'Задача на звонок: пропущено — у приложения нет права «Задачи» (task)',
    )
  })
})
