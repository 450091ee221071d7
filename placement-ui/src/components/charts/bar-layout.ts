// Where a bar chart's pieces go in an SVG of a given size: value ticks with grid lines, one band per
// category, bars side by side or stacked, category labels thinned out when they do not fit.
import { chartNumber, fit, niceTicks, type BarChartData } from './chart-style.ts'

export interface BarOptions {
  stacked?: boolean
  /** Categories down the left side, values along the bottom. */
  horizontal?: boolean
  /** The value axis' title ("Amount, RUB"). */
  valueTitle?: string
}
export interface Rect {
  x: number
  y: number
  w: number
  h: number
  colour: string
  title: string
}
export interface Tick {
  /** Position along the value axis (x when horizontal, y otherwise). */
  at: number
  text: string
}
export interface Label {
  x: number
  y: number
  text: string
  full: string
}
export interface BarLayout {
  plot: { x: number; y: number; w: number; h: number }
  ticks: Tick[]
  bars: Rect[]
  labels: Label[]
  zero: number
}

const CHAR = 6.8 // width of an 11 px character, generous (Cyrillic in DejaVu Sans runs wide)

export function barLayout(data: BarChartData, width: number, height: number, o: BarOptions, locale: string): BarLayout {
  const num = chartNumber(locale)
  const n = data.labels.length
  const sums = (sign: 1 | -1) =>
    data.labels.map((_l, i) =>
      data.series.reduce((s, x) => s + (Math.sign(x.data[i] ?? 0) === sign ? (x.data[i] ?? 0) : 0), 0),
    )
  const all = data.series.flatMap((s) => s.data)
  const max = o.stacked ? Math.max(0, ...sums(1)) : Math.max(0, ...all)
  const min = o.stacked ? Math.min(0, ...sums(-1)) : Math.min(0, ...all)
  const ticks = niceTicks(min, max)
  const lo = ticks[0]!
  const hi = ticks[ticks.length - 1]!
  const tickChars = Math.max(...ticks.map((t) => num(t).length))
  const titleRoom = o.valueTitle ? 16 : 0
  const longest = Math.max(1, ...data.labels.map((l) => l.length))
  const left = o.horizontal ? Math.min(width * 0.35, longest * CHAR + 10) : tickChars * CHAR + 10 + titleRoom
  const bottom = o.horizontal ? 20 + titleRoom : 22
  const right = o.horizontal ? (tickChars * CHAR) / 2 + 4 : 12
  const plot = { x: left, y: 8, w: Math.max(10, width - left - right), h: Math.max(10, height - 8 - bottom) }
  const valueLen = o.horizontal ? plot.w : plot.h
  const pos = (v: number) => ((v - lo) / (hi - lo || 1)) * valueLen // distance from the axis' low end
  const toAxis = (v: number) => (o.horizontal ? plot.x + pos(v) : plot.y + plot.h - pos(v))
  const band = (o.horizontal ? plot.h : plot.w) / Math.max(1, n)
  const bars: Rect[] = []
  const stackTop = { pos: new Array<number>(n).fill(0), neg: new Array<number>(n).fill(0) }
  const inner = o.stacked ? 1 : Math.max(1, data.series.length)
  const barLen = (band * 0.7) / inner
  data.series.forEach((s, si) => {
    s.data.forEach((v, i) => {
      if (!v) return
      const side = v > 0 ? stackTop.pos : stackTop.neg
      const from = o.stacked ? side[i]! : 0
      const to = from + v
      if (o.stacked) side[i] = to
      const a = toAxis(from)
      const b = toAxis(to)
      const offset = i * band + band * 0.15 + (o.stacked ? 0 : si * barLen)
      const title = `${data.labels[i]}${s.label ? ` · ${s.label}` : ''}: ${num(v)}`
      bars.push(
        o.horizontal
          ? { x: Math.min(a, b), y: plot.y + offset, w: Math.abs(b - a), h: barLen, colour: s.colour, title }
          : { x: plot.x + offset, y: Math.min(a, b), w: barLen, h: Math.abs(b - a), colour: s.colour, title },
      )
    })
  })
  // category labels: every k-th when they would overlap
  const room = o.horizontal ? 14 : Math.max(...data.labels.map((l) => Math.min(l.length, 14))) * CHAR + 6
  const every = Math.max(1, Math.ceil(room / band))
  const chars = o.horizontal
    ? Math.floor((left - 10) / CHAR + 1e-6)
    : Math.max(3, Math.floor((band * every - 4) / CHAR))
  const labels = data.labels.flatMap((full, i) => {
    if (i % every) return []
    const mid = i * band + band / 2
    const text = fit(full, chars)
    return [
      o.horizontal
        ? { x: plot.x - 6, y: plot.y + mid, text, full }
        : { x: plot.x + mid, y: plot.y + plot.h + 14, text, full },
    ]
  })
  return { plot, ticks: ticks.map((t) => ({ at: toAxis(t), text: num(t) })), bars, labels, zero: toAxis(0) }
}
