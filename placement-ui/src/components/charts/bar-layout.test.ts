// The SVG charts' arithmetic: round ticks, numbers in the page's language, bars stacked or side by side.
import { describe, expect, it } from 'vitest'
import { barLayout } from './bar-layout.ts'
import { chartNumber, fit, niceTicks } from './chart-style.ts'

describe('chart scales and numbers', () => {
  it('covers the values with round ticks that include zero', () => {
    expect(niceTicks(0, 2_430_000)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000])
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(-30, 45)).toEqual([-40, -20, 0, 20, 40, 60])
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
  })

  it('formats numbers as the page reads them', () => {
    expect(chartNumber('ru-RU')(2_500_000.5).replace(/\s/g, ' ')).toBe('2 500 000,5')
    expect(chartNumber('en-GB')(2_500_000.5)).toBe('2,500,000.5')
    expect(fit('ООО «Очень длинное название»', 8)).toBe('ООО «Оч…')
  })
})

describe('bar layout', () => {
  const data = {
    labels: ['A', 'B'],
    series: [
      { label: 'x', data: [100, 0], colour: '#111' },
      { label: 'y', data: [300, 200], colour: '#222' },
    ],
  }

  it("stacks a category's series on one bar up to its total", () => {
    const l = barLayout(data, 400, 200, { stacked: true }, 'en-GB')
    const [a1, a2, b2] = l.bars
    expect(l.bars).toHaveLength(3) // a zero draws nothing
    expect(a1!.x).toBe(a2!.x)
    expect(a2!.y + a2!.h).toBeCloseTo(a1!.y) // y sits on x
    expect(a1!.h + a2!.h).toBeCloseTo(2 * b2!.h) // 400 vs 200
    expect(a2!.title).toBe('A · y: 300')
    expect(l.ticks.map((t) => t.text)).toEqual(['0', '100', '200', '300', '400'])
  })

  it('puts series side by side, and categories down the left when horizontal', () => {
    const side = barLayout(data, 400, 200, {}, 'en-GB')
    expect(side.bars[1]!.x).toBeGreaterThan(side.bars[0]!.x)
    const h = barLayout(data, 400, 200, { horizontal: true, stacked: true }, 'en-GB')
    expect(h.bars[0]!.y).toBe(h.bars[1]!.y)
    expect(h.bars[1]!.x).toBeCloseTo(h.bars[0]!.x + h.bars[0]!.w)
    expect(h.labels.map((x) => x.text)).toEqual(['A', 'B'])
    expect(h.labels[0]!.x).toBeLessThan(h.plot.x)
  })

  it('thins out category labels that would overlap', () => {
    const many = { labels: Array.from({ length: 60 }, (_x, i) => `01.0${i % 9}.2026`), series: [] }
    const l = barLayout(many, 400, 200, {}, 'ru-RU')
    expect(l.labels.length).toBeLessThan(60)
    expect(l.labels.length).toBeGreaterThan(3)
  })
})
