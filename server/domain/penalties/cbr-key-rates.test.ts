import { describe, expect, it } from 'vitest'
import { keyRateChanges, parseCbrKeyRateDays } from './cbr-key-rates.ts'

const answer = (rows: string) =>
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
  '<KeyRateXMLResponse xmlns="http://web.cbr.ru/"><KeyRateXMLResult>' +
  `<KeyRate xmlns="">${rows}</KeyRate></KeyRateXMLResult></KeyRateXMLResponse></soap:Body></soap:Envelope>`
const kr = (dt: string, rate: string) => `<KR><DT>${dt}T00:00:00+03:00</DT><Rate>${rate}</Rate></KR>`

describe('parseCbrKeyRateDays', () => {
  it('reads the days newest first into ascending basis points', () => {
    const days = parseCbrKeyRateDays(
      answer(kr('2026-10-27', '13.50') + kr('2026-10-26', '13.50') + kr('2026-10-23', '14.00')),
    )
    expect(days).toEqual([
      { from: '2026-10-23', bp: 1400 },
      { from: '2026-10-26', bp: 1350 },
      { from: '2026-10-27', bp: 1350 },
    ])
  })

  it.each([
    ['no KeyRate element', '<html>maintenance</html>', 'no <KeyRate>'],
    ['no rows', answer(''), 'no <KR> rows'],
    ['a rate that is not a number', answer(kr('2026-10-26', 'n/a')), 'not a rate'],
    ['an impossible date', answer(kr('2026-02-30', '13.50')), 'not a date'],
    ['a zero rate', answer(kr('2026-10-26', '0.00')), 'a zero rate'],
    ['two rates on one day', answer(kr('2026-10-26', '13.50') + kr('2026-10-26', '14.00')), 'two rates'],
    ['a row without a date', answer('<KR><Rate>13.50</Rate></KR>'), 'without a date'],
  ])('refuses the whole answer with %s', (_, xml, why) => {
    expect(() => parseCbrKeyRateDays(xml)).toThrow(expect.objectContaining({ code: 'penalty.rate-answer-invalid' }))
    expect(() => parseCbrKeyRateDays(xml)).toThrow(why)
  })
})

describe('keyRateChanges', () => {
  const table = (d: string) => (d >= '2026-07-27' ? 1400 : 1425)
  it('keeps only the days the rate changed, against the table for the first day', () => {
    const days = [
      { from: '2026-07-27', bp: 1400 },
      { from: '2026-07-28', bp: 1400 },
      { from: '2026-10-26', bp: 1350 },
      { from: '2026-10-27', bp: 1350 },
    ]
    expect(keyRateChanges(days, table)).toEqual([{ from: '2026-10-26', bp: 1350 }])
  })
  it('adds the first day when the bank disagrees with the table (a correction)', () => {
    expect(keyRateChanges([{ from: '2026-07-27', bp: 1450 }], table)).toEqual([{ from: '2026-07-27', bp: 1450 }])
  })
})
