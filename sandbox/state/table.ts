// An in-memory collection of rows keyed by a numeric id, written through to a sink when one is set.
export type Sink = {
  put(coll: string, id: string, data: unknown): void
  del(coll: string, id: string): void
}

export class Table<T extends { id: number }> {
  readonly name: string
  readonly rows = new Map<number, T>()
  #seq = 0
  #sorted: number[] | null = []
  #sink: Sink | null

  constructor(name: string, sink: Sink | null, loaded?: { rows: T[]; seq: number }) {
    this.name = name
    this.#sink = sink
    if (loaded) {
      for (const r of [...loaded.rows].sort((a, b) => a.id - b.id)) this.rows.set(r.id, r)
      this.#seq = Math.max(loaded.seq, ...loaded.rows.map((r) => r.id), 0)
      this.#sorted = null
    }
  }

  get size(): number {
    return this.rows.size
  }

  get seq(): number {
    return this.#seq
  }

  nextId(): number {
    this.#seq += 1
    this.#sink?.put('__seq', this.name, this.#seq)
    return this.#seq
  }

  /** Insert a new row; assigns the next id unless the row brings one. */
  insert(data: Omit<T, 'id'> & { id?: number }): T {
    const id = data.id ?? this.nextId()
    if (data.id !== undefined && data.id > this.#seq) {
      this.#seq = data.id
      this.#sink?.put('__seq', this.name, this.#seq)
    }
    const row = { ...data, id } as T
    const last = this.#sorted && this.#sorted.length ? this.#sorted[this.#sorted.length - 1] : 0
    if (this.#sorted && id > last && !this.rows.has(id)) this.#sorted.push(id)
    else this.#sorted = null
    this.rows.set(id, row)
    this.#sink?.put(this.name, String(id), row)
    return row
  }

  get(id: number | string | undefined | null): T | undefined {
    if (id === undefined || id === null || id === '') return undefined
    return this.rows.get(Number(id))
  }

  /** Persist a (mutated or replaced) row. */
  save(row: T): T {
    if (!this.rows.has(row.id)) return this.insert(row)
    this.rows.set(row.id, row)
    this.#sink?.put(this.name, String(row.id), row)
    return row
  }

  remove(id: number): boolean {
    const had = this.rows.delete(id)
    if (had) {
      this.#sorted = null
      this.#sink?.del(this.name, String(id))
    }
    return had
  }

  values(): T[] {
    return [...this.rows.values()]
  }

  find(pred: (r: T) => boolean): T | undefined {
    for (const r of this.rows.values()) if (pred(r)) return r
    return undefined
  }

  filter(pred: (r: T) => boolean): T[] {
    const out: T[] = []
    for (const r of this.rows.values()) if (pred(r)) out.push(r)
    return out
  }

  /** Ids in ascending order (cached). */
  sortedIds(): number[] {
    if (!this.#sorted) this.#sorted = [...this.rows.keys()].sort((a, b) => a - b)
    return this.#sorted
  }

  /** Rows with id > after, ascending, without scanning the whole table. */
  *ascendingFrom(after: number): Generator<T> {
    const ids = this.sortedIds()
    let lo = 0
    let hi = ids.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (ids[mid] <= after) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < ids.length; i++) {
      const r = this.rows.get(ids[i])
      if (r) yield r
    }
  }

  /** Drop every row (no per-row sink writes; used for portal deletion). */
  clear(): void {
    for (const id of this.rows.keys()) this.#sink?.del(this.name, String(id))
    this.rows.clear()
    this.#sorted = []
  }
}
