// statement-match: matches the new incoming lines of one statement import (see use-cases/statements/match-statement.ts).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { matchStatement } from '../../use-cases/statements/match-statement.ts'
import { STATEMENT_MATCH_JOB, type StatementMatchJobData } from '../../use-cases/statements/import-statement.ts'
import { statementsRepository } from '../../storage/repositories/statements.ts'

export const statementMatchJob = { name: STATEMENT_MATCH_JOB, retryLimit: 10, retryDelay: 10, expireInSeconds: 1800 }

export function createStatementMatch(ctx: AppContext) {
  return async (job: JobContext<StatementMatchJobData>) => {
    try {
      await matchStatement(dunningPorts(ctx), job.data.memberId, job.data.importId)
    } catch (e) {
      if (job.retryCount >= statementMatchJob.retryLimit)
        await statementsRepository(ctx.database.db).fail(job.data.memberId, job.data.importId, (e as Error).message)
      throw e
    }
  }
}
