import { describe, expect, it } from 'vitest'
import { findCaseNumbers, normaliseCaseNumber, plainText } from './court-case-number.ts'

describe('court case numbers', () => {
  it('finds numbers written with a Latin or Cyrillic A, any dash and stray spaces', () => {
    expect(findCaseNumbers('Определение по делу № А40-123456/2025 от 01.12.2025')).toEqual(['А40-123456/2025'])
    expect(findCaseNumbers('Re: case A40 - 123456 / 2025 and А56–7/2026; again А40-123456/2025')).toEqual([
      'А40-123456/2025',
      'А56-7/2026',
    ])
    expect(findCaseNumbers('a40-000123/2025')).toEqual(['А40-000123/2025'])
  })
  it('keeps the digits as written: leading zeros are part of the number', () => {
    expect(findCaseNumbers('Дело А40-012345/2025')).toEqual(['А40-012345/2025'])
    expect(normaliseCaseNumber('А05-0070/2026')).toBe('А05-0070/2026')
    expect(findCaseNumbers('А40-012345/2025 и А40-12345/2025')).toEqual(['А40-012345/2025', 'А40-12345/2025'])
  })
  it('ignores look-alikes: invoice numbers, phone numbers, dates, numbers glued to words', () => {
    expect(findCaseNumbers('Счёт 40-123456/2025, тел. 8-800-555-35-35, 01/2025')).toEqual([])
    expect(findCaseNumbers('КА40-123456/2025 or A40-123456/20251')).toEqual([])
  })
  it('normalises a field value only when it is one case number', () => {
    expect(normaliseCaseNumber(' A40-123456/2025 ')).toBe('А40-123456/2025')
    expect(normaliseCaseNumber('дело № А40-123456/2025')).toBe('А40-123456/2025')
    expect(normaliseCaseNumber('А40-1/2025, А40-2/2025')).toBeNull()
    expect(normaliseCaseNumber('unknown')).toBeNull()
  })
  it('reads HTML bodies as text', () => {
    expect(findCaseNumbers(plainText('<p>Дело&nbsp;<b>А40-55/2026</b></p>'))).toEqual(['А40-55/2026'])
  })
})
