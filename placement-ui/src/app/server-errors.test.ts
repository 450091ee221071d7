import { describe, expect, it } from 'vitest'
import { KNOWN_ERROR_CODES, serverErrorText } from '../../../contracts/error-messages.ts'
import { FIELD_NAMES } from '../../../contracts/error-fields.ts'

describe('server error texts', () => {
  it('has a Russian text without Latin words for every code (names in parentheses aside)', () => {
    for (const code of KNOWN_ERROR_CODES) {
      const ru = serverErrorText(code.split('#')[0], { rule: code.split('#')[1] ?? null }, 'ru') ?? ''
      const latin = ru
        .replace(/\{\{[a-z_]+\}\}|\([^)]*\)|RUB|MT940|camt\.053|1С|1C|ИНН|API|CRM|Telegram/g, '')
        .match(/[A-Za-z]{2,}/g)
      expect([code, latin]).toEqual([code, null])
      expect(serverErrorText(code.split('#')[0], { rule: code.split('#')[1] ?? null }, 'en')).toBeTruthy()
    }
    for (const [field, n] of Object.entries(FIELD_NAMES))
      expect([field, /[A-Za-z]{2,}/.test(n.ru)]).toEqual([field, false])
  })

  it('names the field, fills the values and picks the rule variant', () => {
    expect(
      serverErrorText('receivable.invalid-text', { field: 'invoiceNumber', rule: 'too-long', max: 100 }, 'ru'),
    ).toBe('Поле «номер счёта»: от 1 до 100 символов')
    expect(serverErrorText('receivable.invalid-text', { field: 'invoiceNumber' }, 'ru')).toBe(
      'Заполните поле «номер счёта»',
    )
    expect(serverErrorText('payout.amount-absurd', {}, 'ru')).toBe('Сумма транша неправдоподобно велика')
    expect(serverErrorText('no.such-code', {}, 'ru')).toBeNull()
  })
})

describe('template hints in error texts', () => {
  it('keeps {{variable}} syntax as it is and fills single-brace params', () => {
    expect(serverErrorText('dunning.unknown-variable', { unknown: '{counterparty}' }, 'ru')).toBe(
      'Переменные пишутся в двойных фигурных скобках, например {{counterparty}}; не подходит: {counterparty}',
    )
  })
})
