import { describe, expect, it } from 'vitest'
import { matches, parseFilter, splitKey } from './filter.ts'

const row: Record<string, unknown> = {
  id: 5,
  title: 'Invoice 42',
  amount: 100.5,
  stage: 'DT1030_1:NEW',
  flag: 'Y',
  tags: ['a', 'b'],
  due: '2026-03-01',
  empty: null,
}
const ok = (f: Record<string, unknown>) => matches(parseFilter(f), (k) => row[k])

describe('list filter operators', () => {
  it('splits prefixes longest first', () => {
    expect(splitKey('>=id')).toEqual({ op: '>=', field: 'id' })
    expect(splitKey('!=%title')).toEqual({ op: '!like', field: 'title' })
    expect(splitKey('!id')).toEqual({ op: '!=', field: 'id' })
  })

  it('applies = ! > >= < <= % @ !@ =% and OR groups', () => {
    expect(ok({ id: '5', '>amount': 100, '<=amount': 100.5 })).toBe(true)
    expect(ok({ '!id': 5 })).toBe(false)
    expect(ok({ '%title': 'voice' })).toBe(true)
    expect(ok({ '=%title': 'Invoice%' })).toBe(true)
    expect(ok({ '@stage': ['DT1030_1:NEW', 'X'] })).toBe(true)
    expect(ok({ '!@id': [1, 5] })).toBe(false)
    expect(ok({ flag: 1, tags: 'b' })).toBe(true)
    expect(ok({ '>=due': '2026-02-28', '<due': '2026-03-02T00:00:00+03:00' })).toBe(true)
    expect(ok({ empty: '' })).toBe(true)
    expect(ok({ 0: { logic: 'OR', 0: { id: 1 }, 1: { id: 5 } } })).toBe(true)
    expect(ok({ 0: { logic: 'OR', 0: { id: 1 }, 1: { id: 2 } } })).toBe(false)
  })
})
