import { describe, expect, it } from 'vitest'
import { issuerKey } from './invoice-number-rule.ts'
import type { LegalEntity } from '../admin/legal-entities.ts'

const entity = (name: string, inn: string) => ({ name, inn }) as LegalEntity
const ours = [entity('ООО «Альфа»', '7707083893'), entity('ООО «Бета»', '7728168971')]

describe('the issuer of an invoice (whose numbers must not repeat in a year)', () => {
  it('is the entity the printed invoice names: by name or INN on the contract, else the default', () => {
    expect(issuerKey(ours, 'ооо "бета"')).toBe('inn:7728168971')
    expect(issuerKey(ours, 'Бета, ИНН 7728168971')).toBe('inn:7728168971')
    expect(issuerKey(ours, null)).toBe('inn:7707083893')
    expect(issuerKey(ours, 'ООО Неизвестное')).toBe('inn:7707083893')
  })

  it('with no entity set up: the name written on the contract, else one unnamed issuer', () => {
    expect(issuerKey([], 'ООО «Гамма»')).toBe(issuerKey([], 'ооо гамма'))
    expect(issuerKey([], 'ООО «Гамма»')).not.toBe(issuerKey([], 'ООО «Дельта»'))
    expect(issuerKey([], null)).toBe('')
    expect(issuerKey([], '  ')).toBe('')
  })
})
