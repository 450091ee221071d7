// Kysely over embedded PGlite with requests first. PGlite has one connection, so Kysely serializes every
// query and transaction behind one lock; in its order, a request's query waited behind every job query
// queued before it, and a job query that gave way to requests did so while holding that lock (the
// request then waited for the give-way to time out: /healthz took 80-150 ms during a statement import).
// Here the lock is ours: a waiting request always goes before waiting background work (jobs, the
// queue's loops), and background work gives way to requests in flight BEFORE it takes the lock.
import {
  PGliteAdapter,
  PGliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely'
import { backgroundTurn, isBackground } from '../lib/event-loop-turn.ts'

/** One holder at a time; waiting requests are served before waiting background work. */
export class RequestsFirstLock {
  private busy = false
  private readonly requests: (() => void)[] = []
  private readonly background: (() => void)[] = []

  async acquire(request: boolean): Promise<void> {
    if (!this.busy) {
      this.busy = true
      return
    }
    await new Promise<void>((resolve) => (request ? this.requests : this.background).push(resolve))
  }

  release(): void {
    const next = this.requests.shift() ?? this.background.shift()
    if (next) next()
    else this.busy = false
  }
}

class RequestsFirstAdapter extends PGliteAdapter {
  // the lock below replaces Kysely's own single-connection mutex
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

class RequestsFirstDriver implements Driver {
  private readonly lock = new RequestsFirstLock()
  private readonly inner: Driver
  constructor(inner: Driver) {
    this.inner = inner
  }
  init(): Promise<void> {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const request = !isBackground()
    if (!request) {
      const t = backgroundTurn(10, { giveWay: true })
      if (t) await t
    }
    await this.lock.acquire(request)
    try {
      return await this.inner.acquireConnection()
    } catch (e) {
      this.lock.release()
      throw e
    }
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection)
    } finally {
      this.lock.release()
    }
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings)
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection)
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection)
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint!(connection, name, compile)
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile)
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile)
  }
  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}

export class RequestsFirstPGliteDialect extends PGliteDialect {
  override createAdapter(): PGliteAdapter {
    return new RequestsFirstAdapter()
  }
  override createDriver(): Driver {
    return new RequestsFirstDriver(super.createDriver())
  }
}
