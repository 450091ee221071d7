import { describe, expect, it } from 'vitest'
import { smartProcesses, ufFieldName, ufRestName } from './manifest.ts'

describe('install manifest', () => {
  it('names UF fields the way crm.item.* converts them (reference 5.6, regular regime)', () => {
    expect(ufFieldName(7, 'INVOICE_NO')).toBe('UF_CRM_7_RC_INVOICE_NO')
    expect(ufRestName(7, 'INVOICE_NO')).toBe('ufCrm7RcInvoiceNo')
    expect(ufRestName(13, 'DAYS_OVERDUE')).toBe('ufCrm13RcDaysOverdue')
  })

  it.each(smartProcesses.map((p) => [p.key, p] as const))(
    '%s: every pipeline has exactly one success and one failure stage, last',
    (_k, p) => {
      for (const pipe of p.pipelines) {
        const sem = pipe.stages.map((s) => s.semantics)
        expect(sem.filter((s) => s === 'S')).toHaveLength(1)
        expect(sem.filter((s) => s === 'F')).toHaveLength(1)
        expect(sem.slice(-2)).toEqual(['S', 'F'])
        expect(new Set(pipe.stages.map((s) => s.code)).size).toBe(pipe.stages.length)
      }
      expect(p.pipelines.filter((x) => x.isDefault)).toHaveLength(1)
    },
  )

  it('keeps field keys unique and suffixes letters-only, within the 50-character UF limit', () => {
    for (const p of smartProcesses) {
      expect(new Set(p.fields.map((f) => f.key)).size).toBe(p.fields.length)
      for (const f of p.fields) {
        expect(f.suffix).toMatch(/^[A-Z]+(_[A-Z]+)*$/)
        expect(ufFieldName(9999, f.suffix).length).toBeLessThanOrEqual(50)
      }
    }
  })

  it('gives the receivables process the ten stages of seed 001', () => {
    const stages = smartProcesses[0].pipelines[0].stages.map((s) => s.name.en)
    expect(stages).toEqual([
      'New invoice',
      'Sent to client',
      'Awaiting payment',
      'Payment check',
      'Payment reminder',
      'Partial payment',
      'Overdue',
      'Negotiations',
      'Paid',
      'Written off',
    ])
  })
})
