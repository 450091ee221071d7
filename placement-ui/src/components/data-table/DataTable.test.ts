import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import DataTable from './DataTable.vue'
import { pinnedOffsets, type DataTableColumn, type DataTableRow } from './data-table.ts'

interface Invoice {
  number: string
  amount: number
  note: string | null
}
const data: Invoice[] = [
  { number: 'A-1', amount: 100, note: 'first' },
  { number: 'A-2', amount: 250, note: null },
]
const columns: DataTableColumn[] = [
  { accessorKey: 'number', header: 'Number' },
  { accessorKey: 'amount', header: 'Amount', meta: { class: { td: 'text-end' } } },
  { accessorKey: 'note', header: 'Note' },
  { id: 'actions', header: '' },
]
const texts = (cells: { text: () => string }[]) => cells.map((c) => c.text())

describe('DataTable: the kit table look without TanStack', () => {
  it('renders a header and a row per item: cell slots get row.original and row.index, other cells the field', () => {
    const w = mount(DataTable, {
      props: { data, columns },
      attrs: { 'data-testid': 'invoices' },
      slots: {
        'amount-cell': ({ row }: { row: DataTableRow<unknown> }) =>
          `${(row.original as Invoice).amount} ₽ #${row.index}`,
        'number-header': () => h('button', { 'data-testid': 'sort-number' }, 'Number ▲'),
      },
    })
    expect(w.attributes('data-testid')).toBe('invoices')
    expect(texts(w.findAll('thead th'))).toEqual(['Number ▲', 'Amount', 'Note', ''])
    expect(w.find('thead [data-testid="sort-number"]').exists()).toBe(true)
    expect(w.findAll('tbody tr').map((r) => texts(r.findAll('td')))).toEqual([
      ['A-1', '100 ₽ #0', 'first', ''],
      ['A-2', '250 ₽ #1', '', ''],
    ])
    // an empty field is a non-breaking space, as in the kit (the row keeps its height)
    expect(w.findAll('tbody tr')[1].findAll('td')[2].element.textContent).toBe('\u00a0')
    // the column's meta classes reach its cells only
    expect(w.findAll('tbody tr')[0].findAll('td')[1].classes()).toContain('text-end')
    expect(w.findAll('tbody tr')[0].findAll('td')[0].classes()).not.toContain('text-end')
  })

  it('wears the theme; b24ui and class overrides replace the conflicting utilities', () => {
    const w = mount(DataTable, {
      props: {
        data,
        columns,
        class: 'max-h-80 rounded-lg',
        b24ui: { th: 'px-2', td: 'h-10 px-2 py-1.5 text-(length:--ui-font-size-sm)/(--ui-font-line-height-sm)' },
      },
    })
    expect(w.classes()).toEqual(expect.arrayContaining(['relative', 'overflow-auto', 'max-h-80', 'rounded-lg']))
    expect(w.find('table').classes()).toEqual(expect.arrayContaining(['table-fixed', 'border-separate']))
    const th = w.find('thead th').classes()
    expect(th).toEqual(expect.arrayContaining(['px-2', 'py-2', 'whitespace-nowrap', 'border-b']))
    expect(th).not.toContain('px-4')
    const td = w.find('tbody td').classes()
    expect(td).toEqual(expect.arrayContaining(['h-10', 'px-2', 'py-1.5', 'border-b']))
    expect(td).toContain('text-(length:--ui-font-size-sm)/(--ui-font-line-height-sm)')
    expect(td).not.toContain('text-(length:--ui-font-size-md)/(--ui-font-line-height-md)')
    // neither sticky nor loading unless asked
    expect(w.find('thead').classes()).not.toContain('sticky')
    expect(
      w
        .find('thead')
        .classes()
        .some((c) => c.includes('progressbar-loading')),
    ).toBe(false)
  })

  it('a sticky header, a loading bar under it, and pinned columns moved to their edge and stuck there', () => {
    const w = mount(DataTable, {
      props: { data, columns, sticky: true, loading: true, columnPinning: { left: ['note'], right: ['number'] } },
    })
    expect(w.find('thead').classes()).toEqual(expect.arrayContaining(['sticky', 'top-0', 'z-2']))
    expect(w.find('thead').classes()).toContain('motion-safe:after:animate-[progressbar-loading_2s_infinite]')
    expect(texts(w.findAll('thead th'))).toEqual(['Note', 'Amount', '', 'Number'])
    expect(texts(w.findAll('tbody tr')[0].findAll('td'))).toEqual(['first', '100', '', 'A-1'])
    const [left, center, , right] = w.findAll('tbody tr')[0].findAll('td')
    expect(left.classes()).toContain('sticky')
    expect(left.attributes('style')).toContain('left: 0px')
    expect(left.attributes('data-pinned')).toBe('left')
    expect(right.classes()).toContain('sticky')
    expect(right.attributes('style')).toContain('right: 0px')
    expect(center.classes()).not.toContain('sticky')
    expect(center.attributes('data-pinned')).toBeUndefined()
  })

  it('an empty table shows the #empty slot across every column, else the empty text', () => {
    const slotted = mount(DataTable, {
      props: { data: [], columns },
      slots: { empty: () => h('div', { 'data-testid': 'none' }, 'Нет счетов') },
    })
    const cell = slotted.find('tbody td')
    expect(cell.attributes('colspan')).toBe('4')
    expect(cell.text()).toBe('Нет счетов')
    expect(
      mount(DataTable, { props: { data: [], columns, empty: 'Nothing yet' } })
        .find('tbody td')
        .text(),
    ).toBe('Nothing yet')
    expect(
      mount(DataTable, { props: { data: [], columns } })
        .find('tbody td')
        .text(),
    ).toBe('No data')
  })

  it('re-renders when the rows change', async () => {
    const w = mount(DataTable, { props: { data: data.slice(0, 1), columns } })
    expect(w.findAll('tbody tr')).toHaveLength(1)
    await w.setProps({ data })
    expect(w.findAll('tbody tr').map((r) => r.find('td').text())).toEqual(['A-1', 'A-2'])
  })
})

describe('pinnedOffsets', () => {
  it('stacks columns pinned to one side past each other by the widths before them', () => {
    const cells = [
      { id: 'a', pinned: 'left' as const },
      { id: 'b', pinned: 'left' as const },
      { id: 'c' },
      { id: 'd', pinned: 'right' as const },
      { id: 'e', pinned: 'right' as const },
    ]
    expect(pinnedOffsets(cells, [40, 60, 300, 80, 120])).toEqual({ a: 0, b: 40, d: 120, e: 0 })
  })
})
