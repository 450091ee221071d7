// What every chart shares: the kit's palette, the page's number format, the series shapes.

/** The kit's palette for chart series (literal colours: SVG fills in exported screenshots). */
export const SERIES_COLOURS = ['#2fc6f6', '#9dcf00', '#ffa900', '#ff5752', '#a8adb4', '#0075ff'] as const

export interface ChartSeries {
  label: string
  data: number[]
  colour: string
}
/** Categories (x labels, or y labels of a horizontal chart) and one or more series over them. */
export interface BarChartData {
  labels: string[]
  series: ChartSeries[]
}
/** One ring: a slice per label. */
export interface DoughnutData {
  labels: string[]
  values: number[]
  colours: string[]
}

/** Axis and tooltip numbers in the page's language (App.vue sets <html lang>): "2 500 000" and "1,5" in Russian. */
export function pageLocale(doc: Document | undefined = globalThis.document): string {
  return doc?.documentElement.lang === 'ru' ? 'ru-RU' : 'en-GB'
}

/** 2500000 -> "2 500 000" (ru) / "2,500,000" (en); at most two decimals. */
export function chartNumber(locale: string): (v: number) => string {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
  return (v) => f.format(v)
}

/** Round ticks covering [min, max] (0 always inside): steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo0 = Math.min(0, min)
  const hi0 = Math.max(0, max) === lo0 ? lo0 + 1 : Math.max(0, max)
  const rough = (hi0 - lo0) / count
  const mag = 10 ** Math.floor(Math.log10(rough))
  const norm = rough / mag
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag
  const lo = Math.floor(lo0 / step) * step
  const hi = Math.ceil(hi0 / step) * step
  const out: number[] = []
  for (let v = lo, i = 0; v <= hi + step / 2; i++, v = lo + i * step) out.push(Number(v.toPrecision(12)))
  return out
}

/** A label cut to `chars` characters with an ellipsis. */
export const fit = (s: string, chars: number) => (s.length <= chars ? s : `${s.slice(0, Math.max(1, chars - 1))}…`)
