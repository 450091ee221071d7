// chart.js, tree-shaken: only the pieces our charts use are registered (once).
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js'

let done = false
export function registerCharts(): void {
  if (done) return
  Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend)
  done = true
}

/** The kit's palette for chart series (chart.js needs literal colours, not CSS variables). */
export const SERIES_COLOURS = ['#2fc6f6', '#9dcf00', '#ffa900', '#ff5752', '#a8adb4', '#0075ff'] as const

/** Axis and tooltip numbers in the page's language (App.vue sets <html lang>): "2 500 000" and "1,5" in Russian. */
export function pageLocale(doc: Document | undefined = globalThis.document): string {
  return doc?.documentElement.lang === 'ru' ? 'ru-RU' : 'en-GB'
}
