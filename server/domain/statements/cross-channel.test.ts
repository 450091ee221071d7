import { describe, expect, it } from 'vitest'
import {
  CROSS_CHANNEL_DAYS,
  crossChannelDistance,
  findCrossChannel,
  pairCrossChannel,
  paymentOrderNumber,
  type ChannelLine,
} from './cross-channel.ts'

const line = (id: number, o: Partial<ChannelLine> = {}): ChannelLine => ({
  id,
  docNumber: '512',
  valueDate: '2024-12-02',
  amount: 150_000,
  payerInn: '7705000010',
  ...o,
})

describe('the same payment through the API and a bank statement', () => {
  it('numbers compare trimmed, in any case, without leading zeros', () => {
    expect(['  000512 ', '512', 'PP-7', 'pp-7', '0', '000'].map(paymentOrderNumber)).toEqual([
      '512',
      '512',
      'pp-7',
      'pp-7',
      '0',
      '0',
    ])
    expect(crossChannelDistance(line(1, { docNumber: ' 000512' }), line(2))).toBe(0)
    expect(crossChannelDistance(line(1, { docNumber: 'PP-7' }), line(2, { docNumber: 'pp-7' }))).toBe(0)
  })

  it('dates may differ by up to 5 days, either way', () => {
    expect(CROSS_CHANNEL_DAYS).toBe(5)
    expect(crossChannelDistance(line(1), line(2, { valueDate: '2024-12-07' }))).toBe(5)
    expect(crossChannelDistance(line(1, { valueDate: '2024-12-30' }), line(2, { valueDate: '2025-01-02' }))).toBe(3)
    expect(crossChannelDistance(line(1), line(2, { valueDate: '2024-12-08' }))).toBeNull()
    expect(crossChannelDistance(line(1), line(2, { valueDate: '2024-11-26' }))).toBeNull()
  })

  it('a different amount, INN or number, or a missing INN, number or date is never the same payment', () => {
    expect(crossChannelDistance(line(1), line(2, { amount: 150_001 }))).toBeNull()
    expect(crossChannelDistance(line(1), line(2, { payerInn: '7705000002' }))).toBeNull()
    expect(crossChannelDistance(line(1), line(2, { docNumber: '513' }))).toBeNull()
    expect(crossChannelDistance(line(1), line(2, { docNumber: '5120' }))).toBeNull()
    expect(crossChannelDistance(line(1, { payerInn: null }), line(2, { payerInn: null }))).toBeNull()
    expect(crossChannelDistance(line(1, { docNumber: '' }), line(2, { docNumber: '  ' }))).toBeNull()
    expect(crossChannelDistance(line(1, { valueDate: null }), line(2))).toBeNull()
  })

  it('finds the nearest line of the other channel', () => {
    const others = [
      line(10, { valueDate: '2024-12-06' }),
      line(11, { valueDate: '2024-12-03' }),
      line(12, { amount: 1 }),
    ]
    expect(findCrossChannel(line(0), others)?.id).toBe(11)
    expect(findCrossChannel(line(0, { payerInn: null }), others)).toBeNull()
  })

  it('pairs each line at most once on either side, the nearest dates first', () => {
    const api = line(100, { valueDate: '2024-12-02' })
    const far = line(1, { valueDate: '2024-12-05' })
    const near = line(2, { valueDate: '2024-12-03' })
    const other = line(3, { docNumber: '9' })
    const pairs = pairCrossChannel([
      { line: far, api },
      { line: near, api },
      { line: other, api },
    ])
    expect([...pairs]).toEqual([[2, 100]])
    expect([
      ...pairCrossChannel([
        { line: far, api },
        { line: far, api: line(101, { valueDate: '2024-12-05' }) },
      ]),
    ]).toEqual([[1, 101]])
  })
})
