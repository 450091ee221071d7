// Dunning read/write side: open receivables with everything the planner needs, the step log and the
// per-receivable / per-counterparty state; one repository composed of dunning-rows, dunning-log and dunning-state.
import type { Db } from '../database.ts'
import { dunningRowQueries } from './dunning-rows.ts'
import { dunningLogQueries } from './dunning-log.ts'
import { dunningStateQueries } from './dunning-state.ts'

export type { DunningRow } from './dunning-rows.ts'
export type { LogRow } from './dunning-log.ts'

export function dunningRepository(db: Db) {
  return {
    ...dunningRowQueries(db),
    ...dunningLogQueries(db),
    ...dunningStateQueries(db),
  }
}
export type DunningRepository = ReturnType<typeof dunningRepository>
