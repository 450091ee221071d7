// The items a NativeSelect takes: { label, value } objects, or bare values shown as themselves.
export interface NativeSelectItem<T> {
  label: string
  value: T
  disabled?: boolean
}

export function normalizeItems<T>(items: readonly (NativeSelectItem<T> | T)[]): NativeSelectItem<T>[] {
  return items.map((it) =>
    it !== null && typeof it === 'object' && 'value' in (it as object)
      ? (it as NativeSelectItem<T>)
      : { label: String(it), value: it as T },
  )
}
