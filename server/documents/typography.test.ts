import { describe, expect, it } from 'vitest'
import { dateInWords, russianQuotes, typographRu } from './typography.ts'

describe('Russian typography', () => {
  it('turns straight quotes into «ёлочки» and nested ones into „лапки“', () => {
    expect(russianQuotes('ООО "Ромашка"')).toBe('ООО «Ромашка»')
    expect(russianQuotes('ООО "Торговый дом "Вектор""')).toBe('ООО «Торговый дом „Вектор“»')
    expect(russianQuotes('АО “Сигма”')).toBe('АО «Сигма»')
    expect(russianQuotes('без кавычек')).toBe('без кавычек')
  })

  it('binds № and units to their numbers with non-breaking spaces', () => {
    expect(typographRu('Счёт № 15 от 10 июня 2025 г.')).toBe('Счёт №\u00a015 от 10 июня 2025\u00a0г.')
    expect(typographRu('Договор №45/2024')).toBe('Договор №\u00a045/2024')
    expect(typographRu('итого 100 руб. 05 коп.')).toBe('итого 100\u00a0руб. 05\u00a0коп.')
  })

  it('writes dates in words', () => {
    expect(dateInWords('2025-06-10', 'ru')).toBe('10\u00a0июня 2025\u00a0г.')
    expect(dateInWords('2024-01-01', 'ru')).toBe('1\u00a0января 2024\u00a0г.')
    expect(dateInWords('2025-12-31', 'en')).toBe('31 December 2025')
  })
})
