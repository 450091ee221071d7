// PGlite persistence: every collection row is one JSONB row (coll, id, data); writes are queued
// on change and flushed in the background in one statement per batch.
import { PGlite } from '@electric-sql/pglite'
import { mkdirSync } from 'node:fs'
import type { Sink } from './table.ts'

export type LoadedRows = Map<string, { rows: { id: number }[]; seq: number }>

export class PgSink implements Sink {
  #db: PGlite
  #puts = new Map<string, { coll: string; id: string; data: unknown }>()
  #dels = new Map<string, { coll: string; id: string }>()
  #timer: NodeJS.Timeout | null = null
  #flushing: Promise<void> = Promise.resolve()

  private constructor(db: PGlite) {
    this.#db = db
  }

  static async open(dir: string): Promise<PgSink> {
    mkdirSync(dir, { recursive: true })
    const db = await PGlite.create(dir)
    await db.exec(
      `CREATE TABLE IF NOT EXISTS sandbox_rows (coll text NOT NULL, id text NOT NULL, data jsonb NOT NULL, PRIMARY KEY (coll, id))`,
    )
    return new PgSink(db)
  }

  async load(): Promise<LoadedRows> {
    const res = await this.#db.query<{ coll: string; id: string; data: unknown }>(
      'SELECT coll, id, data FROM sandbox_rows',
    )
    const out: LoadedRows = new Map()
    const seqs = new Map<string, number>()
    for (const r of res.rows) {
      if (r.coll === '__seq') {
        seqs.set(r.id, Number(r.data))
        continue
      }
      let entry = out.get(r.coll)
      if (!entry) out.set(r.coll, (entry = { rows: [], seq: 0 }))
      entry.rows.push(r.data as { id: number })
    }
    for (const [coll, seq] of seqs) {
      const entry = out.get(coll) ?? { rows: [], seq: 0 }
      entry.seq = seq
      out.set(coll, entry)
    }
    return out
  }

  put(coll: string, id: string, data: unknown): void {
    const key = `${coll}\u0000${id}`
    this.#dels.delete(key)
    this.#puts.set(key, { coll, id, data })
    this.#schedule()
  }

  del(coll: string, id: string): void {
    const key = `${coll}\u0000${id}`
    this.#puts.delete(key)
    this.#dels.set(key, { coll, id })
    this.#schedule()
  }

  #schedule(): void {
    if (this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.flush()
    }, 50)
  }

  /** Write everything queued so far. */
  flush(): Promise<void> {
    const puts = [...this.#puts.values()].map((p) => ({ ...p, data: JSON.stringify(p.data) }))
    const dels = [...this.#dels.values()]
    this.#puts.clear()
    this.#dels.clear()
    this.#flushing = this.#flushing.then(async () => {
      if (puts.length) {
        await this.#db.query(
          `INSERT INTO sandbox_rows (coll, id, data)
           SELECT x.coll, x.id, x.data::jsonb FROM jsonb_to_recordset($1::jsonb) AS x(coll text, id text, data text)
           ON CONFLICT (coll, id) DO UPDATE SET data = excluded.data`,
          [JSON.stringify(puts)],
        )
      }
      if (dels.length) {
        await this.#db.query(
          `DELETE FROM sandbox_rows t USING jsonb_to_recordset($1::jsonb) AS x(coll text, id text)
           WHERE t.coll = x.coll AND t.id = x.id`,
          [JSON.stringify(dels)],
        )
      }
    })
    return this.#flushing
  }

  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    await this.flush()
    await this.#db.close()
  }
}
