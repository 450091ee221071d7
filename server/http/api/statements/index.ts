// /api statements module: upload a bank statement (raw bytes, any of the supported formats), watch
// its progress, and work the review queue. Admins and the accountants named in the settings only.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf, type Session } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { StatementError } from '../../../domain/statements/index.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { importStatement, MAX_STATEMENT_BYTES } from '../../../use-cases/statements/import-statement.ts'
import { assignStatementLine, dismissStatementLine } from '../../../use-cases/statements/resolve-statement-line.ts'
import { acceptStatementLines } from '../../../use-cases/statements/accept-statement-lines.ts'
import { readReviewQueue, readStatementLines, toImportDto } from '../../../use-cases/statements/read-statements.ts'
import { statementNotifyIds } from '../../../use-cases/statements/statement-settings.ts'
import { statementsRepository } from '../../../storage/repositories/statements.ts'
import type {
  ReviewQueueDto,
  StatementImportDto,
  StatementLineDto,
  StatementsOverviewDto,
} from '../../../../contracts/statements.ts'
import { idParam, intQuery, mapped, objectBody } from '../receivables/parse.ts'

type Params = Record<string, string>
const RAW_TYPES = ['application/octet-stream', 'text/plain', 'application/xml', 'text/xml']

export async function statementsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => dunningPorts(ctx)
  const accountant = async (req: FastifyRequest): Promise<Session> => {
    const s = sessionOf(req)
    if (s.isAdmin || (await statementNotifyIds(ports(), s.memberId)).includes(s.userId)) return s
    throw new ApiError(
      403,
      'auth.accountant-only',
      'Only portal administrators and the accountants named in the statement settings can do this',
    )
  }
  const run = <T>(work: () => Promise<T>) =>
    mapped(async () => {
      try {
        return await work()
      } catch (e) {
        // the code, line and values let the page say it in its language (contracts/statement-messages.ts)
        if (e instanceof StatementError) throw new ApiError(400, e.code, e.message, { line: e.line, params: e.params })
        throw e
      }
    })
  const actor = (s: Session) => ({ memberId: s.memberId, actor: `user:${s.userId}`, source: 'api' })

  // raw file bytes are accepted by the upload route only (its own scope), never by the JSON routes
  await scope.register(async (upload) => {
    upload.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: MAX_STATEMENT_BYTES }, (_req, body, done) =>
      done(null, body),
    )
    upload.post<{ Querystring: { fileName?: string } }>(
      '/statements',
      { bodyLimit: MAX_STATEMENT_BYTES },
      async (req, reply) => {
        const s = await accountant(req)
        if (!Buffer.isBuffer(req.body))
          throw new ApiError(415, 'request.unsupported-media-type', `send the file's bytes as ${RAW_TYPES[0]}`)
        const out = await run(() =>
          importStatement(ports(), actor(s), {
            fileName: req.query.fileName,
            bytes: new Uint8Array(req.body as Buffer),
          }),
        )
        return reply.status(201).send(toImportDto(out.import) satisfies StatementImportDto)
      },
    )
  })
  scope.get('/statements', async (req): Promise<StatementsOverviewDto> => {
    const s = sessionOf(req)
    const canResolve = s.isAdmin || (await statementNotifyIds(ports(), s.memberId)).includes(s.userId)
    if (!canResolve)
      throw new ApiError(
        403,
        'auth.accountant-only',
        'Only portal administrators and the accountants named in the statement settings can do this',
      )
    const repo = statementsRepository(ctx.database.db)
    const [imports, waiting] = await Promise.all([repo.recent(s.memberId), repo.countByStatus(s.memberId, 'review')])
    return { imports: imports.map(toImportDto), waiting, canResolve }
  })
  scope.get<{ Params: Params }>('/statements/:id', async (req): Promise<StatementImportDto> => {
    const s = await accountant(req)
    const imp = await statementsRepository(ctx.database.db).get(s.memberId, idParam(req.params.id, 'statement id'))
    if (!imp) throw new ApiError(404, 'statement.not-found', 'statement import not found')
    return toImportDto(imp)
  })
  scope.get<{ Params: Params; Querystring: Record<string, string> }>(
    '/statements/:id/lines',
    async (req): Promise<StatementLineDto[]> => {
      const s = await accountant(req)
      const lines = await statementsRepository(ctx.database.db).lines(s.memberId, {
        importId: idParam(req.params.id, 'statement id'),
        afterId: intQuery(req.query.afterId, 'afterId', 0, 2e9, 0),
        limit: intQuery(req.query.limit, 'limit', 1, 500, 200),
      })
      return readStatementLines(ports(), s.memberId, lines)
    },
  )
  scope.get<{ Querystring: Record<string, string> }>('/statement-review', async (req): Promise<ReviewQueueDto> => {
    const s = await accountant(req)
    return readReviewQueue(ports(), s.memberId, {
      afterId: intQuery(req.query.afterId, 'afterId', 0, 2e9, 0),
      limit: intQuery(req.query.limit, 'limit', 1, 500, 100),
    })
  })
  scope.post<{ Params: Params }>('/statement-review/:lineId/assign', async (req): Promise<StatementLineDto> => {
    const s = await accountant(req)
    const line = await run(() =>
      assignStatementLine(ports(), actor(s), idParam(req.params.lineId, 'line id'), objectBody(req.body).allocations),
    )
    return (await readStatementLines(ports(), s.memberId, [line]))[0]
  })
  // a statement whose balances fail holds its lines for review: accept one, or all of the import, to match them
  scope.post<{ Params: Params }>('/statements/:id/accept', async (req): Promise<StatementImportDto> => {
    const s = await accountant(req)
    const out = await run(() =>
      acceptStatementLines(ports(), actor(s), { importId: idParam(req.params.id, 'statement id') }),
    )
    return toImportDto(out.import)
  })
  scope.post<{ Params: Params }>('/statement-review/:lineId/accept', async (req): Promise<StatementLineDto> => {
    const s = await accountant(req)
    const lineId = idParam(req.params.lineId, 'line id')
    await run(() => acceptStatementLines(ports(), actor(s), { lineId }))
    const line = await statementsRepository(ctx.database.db).line(s.memberId, lineId)
    return (await readStatementLines(ports(), s.memberId, [line!]))[0]
  })
  scope.post<{ Params: Params }>('/statement-review/:lineId/dismiss', async (req): Promise<StatementLineDto> => {
    const s = await accountant(req)
    const line = await run(() =>
      dismissStatementLine(ports(), actor(s), idParam(req.params.lineId, 'line id'), objectBody(req.body).reason),
    )
    return (await readStatementLines(ports(), s.memberId, [line]))[0]
  })
}
