import { describe, expect, it } from 'vitest'
import { parseRobotProperties } from './parse-properties.ts'
import { parseRobotDocument } from './document.ts'
import type { RobotPropertySpec } from './types.ts'

const L = (s: string) => ({ ru: s, en: s })
const specs: Record<string, RobotPropertySpec> = {
  debt: { name: L('Debt'), type: 'double', required: true },
  due: { name: L('Due'), type: 'date', required: true },
  days: { name: L('Days'), type: 'int', default: 5 },
  method: { name: L('Method'), type: 'select', options: { '395': L('395'), perDay: L('per day') }, default: '395' },
  notify: { name: L('Notify'), type: 'bool' },
  users: { name: L('Users'), type: 'user', multiple: true },
}

describe('robot properties', () => {
  it('parses form values into typed values, with defaults', () => {
    expect(
      parseRobotProperties(specs, { debt: '500 000,50', due: '16.06.2025', notify: 'Y', users: ['user_1', 'user_7'] }),
    ).toEqual({
      debt: '500000.50',
      due: '2025-06-16',
      days: 5,
      method: '395',
      notify: true,
      users: ['1', '7'],
    })
  })

  it.each([
    [{ due: '2025-06-16' }, /required property "debt"/],
    [{ debt: 'abc', due: '2025-06-16' }, /"debt" must be a number/],
    [{ debt: '1', due: '31/12/2025' }, /"due" must be a date/],
    [{ debt: '1', due: '2025-06-16', days: '1.5' }, /"days" must be a whole number/],
    [{ debt: '1', due: '2025-06-16', method: 'fine' }, /"method" must be one of 395, perDay/],
    [{ debt: '1', due: '2025-06-16', notify: 'maybe' }, /"notify" must be Y or N/],
    [{ debt: { a: { b: '1' } }, due: '2025-06-16' }, /unexpected shape/],
  ])('refuses %j with a clear message', (raw, message) => {
    expect(() => parseRobotProperties(specs, raw)).toThrow(message)
  })
})

describe('robot date-time properties', () => {
  const at = { at: { name: L('At'), type: 'datetime' as const, required: true } }
  it.each([
    ['2026-11-20T16:30:00+03:00', '2026-11-20T16:30:00+03:00'],
    ['2026-11-20 16:30', '2026-11-20T16:30:00'],
    ['20.11.2026 16:30:05', '2026-11-20T16:30:05'],
  ])('reads %s', (raw, parsed) => expect(parseRobotProperties(at, { at: raw }).at).toBe(parsed))
  it.each(['tomorrow', '2026-11-20', '20.11.2026 25:00', '2026-13-01 10:00'])('refuses %s', (raw) => {
    expect(() => parseRobotProperties(at, { at: raw })).toThrow(/"at" must be a date and time/)
  })
})

describe('robot documents', () => {
  it('reads smart-process, CRM and task document ids', () => {
    expect(
      parseRobotDocument(['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic', 'DYNAMIC_1032_15']),
    ).toMatchObject({ kind: 'dynamic', entityTypeId: 1032, id: 15 })
    expect(parseRobotDocument(['crm', 'CCrmDocumentDeal', 'DEAL_165752'])).toMatchObject({
      kind: 'deal',
      entityTypeId: 2,
      id: 165752,
    })
    expect(parseRobotDocument(['tasks', 'Bitrix\\Tasks\\Integration\\Bizproc\\Document\\Task', '2'])).toMatchObject({
      kind: 'task',
      id: 2,
    })
    expect(() => parseRobotDocument(['crm', 'x', 'SOMETHING'])).toThrow(/cannot run on document/)
  })
})
