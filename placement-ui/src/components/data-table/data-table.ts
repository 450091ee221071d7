// The part of the kit's B24Table (TanStack Table) API our tables use, so a call site keeps its
// `columns`, `#<id>-cell="{ row }"` slots with `row.original`, `#<id>-header`, `#empty` and `b24ui` overrides.

export interface DataTableColumn {
  /** The row field a cell shows when the column has no `#<id>-cell` slot; the column's id unless `id` is given. */
  accessorKey?: string
  id?: string
  header: string
  /** Extra classes for this column's header and cells (merged over the theme, as the kit does). */
  meta?: { class?: { th?: string; td?: string } }
}

/** What a `#<id>-cell` slot receives as `row` (TanStack's Row, the two fields our call sites read). */
export interface DataTableRow<T> {
  original: T
  index: number
}

/** Columns (by id) stuck to the left or right edge while the table scrolls sideways. */
export interface DataTablePinning {
  left?: string[]
  right?: string[]
}

/** Classes merged over the theme's slots (tailwind-merge: a conflicting utility replaces the theme's). */
export type DataTableUi = Partial<Record<'root' | 'base' | 'thead' | 'tbody' | 'th' | 'td' | 'empty', string>>

export const columnId = (c: DataTableColumn): string => c.id ?? c.accessorKey ?? ''

/** Left-pinned columns first and right-pinned last, each in its pinning list's order (as TanStack orders them). */
export function orderByPinning(
  columns: DataTableColumn[],
  pinning: DataTablePinning = {},
): { column: DataTableColumn; pinned?: 'left' | 'right' }[] {
  const byId = new Map(columns.map((c) => [columnId(c), c]))
  const side = (ids: string[] = [], pinned: 'left' | 'right') =>
    ids.flatMap((id) => (byId.has(id) ? [{ column: byId.get(id)!, pinned }] : []))
  const pinnedIds = new Set([...(pinning.left ?? []), ...(pinning.right ?? [])])
  return [
    ...side(pinning.left, 'left'),
    ...columns.filter((c) => !pinnedIds.has(columnId(c))).map((column) => ({ column })),
    ...side(pinning.right, 'right'),
  ]
}

/** How far each pinned column sits from its edge: the widths of the columns pinned before it on that side
 *  (`widths` in display order). Only a side with two or more pinned columns needs widths. */
export function pinnedOffsets(
  cells: { id: string; pinned?: 'left' | 'right' }[],
  widths: number[],
): Record<string, number> {
  const offsets: Record<string, number> = {}
  for (const [edge, order] of [
    ['left', cells.map((_, i) => i)],
    ['right', cells.map((_, i) => cells.length - 1 - i)],
  ] as const) {
    let at = 0
    for (const i of order)
      if (cells[i].pinned === edge) {
        offsets[cells[i].id] = at
        at += widths[i] ?? 0
      }
  }
  return offsets
}

/** A cell without a slot: the field as text, a non-breaking space when empty (the kit's default cell). */
export function plainCell(row: unknown, column: DataTableColumn): string {
  const value = column.accessorKey ? (row as Record<string, unknown>)[column.accessorKey] : undefined
  return value === '' || value === null || value === undefined ? '\u00a0' : String(value)
}
