import { describe, expect, it } from 'vitest'
import { findInnInText, isValidInn, readInnField } from './inn.ts'
import { parseAmount5, parseBankDate, splitPartyText } from '../statements/parse-values.ts'

describe('INN control digits (FNS)', () => {
  it('accepts real 10- and 12-digit INNs and refuses one wrong digit, other lengths and zeros', () => {
    for (const inn of ['7707083893', '7736207543', '7728168971', '7830002293', '500100732259'])
      expect(isValidInn(inn)).toBe(true)
    for (const inn of [
      '7707083894',
      '7707083883',
      '500100732258',
      '500100732269',
      '770708389',
      '77070838930',
      '0000000000',
      '',
      null,
    ])
      expect(isValidInn(inn)).toBe(false)
    expect(readInnField(' 7707 083893 ')).toEqual({ inn: '7707083893', valid: true })
    expect(readInnField('7707083894')).toEqual({ inn: '7707083894', valid: false })
    expect(readInnField('0')).toBeNull()
  })

  it('finds an INN in text only as a standalone token with valid control digits', () => {
    expect(findInnInText('40817810900000012345 Иванов Иван')).toBeNull()
    expect(findInnInText('р/с 40702810400000000003 ИНН 7728168971')).toBe('7728168971')
    expect(findInnInText('77070838931 ООО')).toBeNull()
    expect(findInnInText('ИНН 7707083894 ООО')).toBeNull()
    expect(splitPartyText('40817810900000012345 Иванов Иван')).toEqual({
      inn: null,
      name: '40817810900000012345 Иванов Иван',
    })
    expect(splitPartyText('ИНН 7707083893 ООО Ромашка')).toEqual({ inn: '7707083893', name: 'ООО Ромашка' })
    expect(splitPartyText('ИП Кузнецов ИНН 500100732259')).toEqual({ inn: '500100732259', name: 'ИП Кузнецов' })
  })
})

describe('ISO values', () => {
  it('reads every ISO 8601 date form the schema allows, as the day the bank wrote', () => {
    for (const [text, day] of [
      ['2023-06-21', '2023-06-21'],
      ['2023-06-21T12:35:33', '2023-06-21'],
      ['2023-06-21T12:35:33.115965', '2023-06-21'],
      ['2023-06-21T23:35:33.1+03:00', '2023-06-21'],
      ['2023-06-21T12:35:33Z', '2023-06-21'],
      ['2023-06-21Z', '2023-06-21'],
      ['21.06.2023', '2023-06-21'],
      ['2023-02-30', null],
      ['2023-06-21T12:35:33.115965garbage', null],
    ] as const)
      expect(parseBankDate(text)).toBe(day)
  })

  it('reads amounts with up to 5 fraction digits: exact on zeros, half-up otherwise', () => {
    expect(parseAmount5('1234.56000')).toEqual({ kopecks: 123_456, rounded: false })
    expect(parseAmount5('0.00500')).toEqual({ kopecks: 1, rounded: true })
    expect(parseAmount5('0.00499')).toEqual({ kopecks: 0, rounded: true })
    expect(parseAmount5('1,5')).toEqual({ kopecks: 150, rounded: false })
    expect(parseAmount5('12')).toEqual({ kopecks: 1200, rounded: false })
    for (const bad of ['1.123456', '-1.00', '1e5', '', '999999999999999999.00']) expect(parseAmount5(bad)).toBeNull()
  })
})
