import { describe, expect, it } from 'vitest'
import { contractsPhrase } from './claim-letter-template.ts'

describe('the contract phrase of the claim letter', () => {
  it('names one contract, lists several, and falls back to the obligations without one', () => {
    expect(contractsPhrase([{ number: '15/2024', date: '2024-03-01' }], 'ru')).toBe(
      'заключён договор № 15/2024 от 01.03.2024',
    )
    expect(
      contractsPhrase(
        [
          { number: '15/2024', date: '2024-03-01' },
          { number: 'K-2', date: null },
        ],
        'ru',
      ),
    ).toBe('заключены договоры № 15/2024 от 01.03.2024, № K-2')
    expect(contractsPhrase([{ number: '15/2024', date: null }], 'en')).toBe('are parties to contract No. 15/2024')
    expect(
      contractsPhrase(
        [
          { number: '1', date: '2024-03-01' },
          { number: '2', date: '2024-04-01' },
        ],
        'en',
      ),
    ).toBe('are parties to contracts No. 1 of 2024-03-01, No. 2 of 2024-04-01')
    expect(contractsPhrase([], 'ru')).toBe('имеются обязательства')
  })
})
