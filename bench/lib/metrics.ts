export interface Metric {
  name: string
  value: number
  unit: string
  /** The figure it is compared with, measured in the same run (or a stated target). */
  comparison?: { name: string; value: number; unit?: string }
  target?: string
  note?: string
}

export type Bench = { name: string; run: () => Promise<Metric[]> }

export function printTable(metrics: Metric[]): string {
  const rows = metrics.map((m) => [
    m.name,
    `${round(m.value)} ${m.unit}`,
    m.comparison ? `${m.comparison.name}: ${round(m.comparison.value)} ${m.comparison.unit ?? m.unit}` : '',
    m.target ?? '',
    m.note ?? '',
  ])
  const head = ['metric', 'value', 'compared with', 'target', 'note']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')
}

function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)
}
