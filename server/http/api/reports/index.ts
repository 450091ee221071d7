// /api reports module (admins): collection (overdue trend, DSO, effectiveness), promises, claims by
// stage, payouts due this month, approvals; exports of the register and the reports (CSV, XLSX).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { receivablesPorts } from '../../../use-cases/receivables-ports.ts'
import { portalDay } from '../../../use-cases/receivable-calendar.ts'
import { collectionReport } from '../../../use-cases/report-collection.ts'
import { approvalsReport, payoutsReport, promisesReport } from '../../../use-cases/report-work.ts'
import { claimsReport } from '../../../use-cases/report-claims.ts'
import { receivablesRegister, reportTables } from '../../../use-cases/export-reports.ts'
import { tablesToXlsx, tableToCsv } from '../../../documents/table-export.ts'

export async function reportsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  const lang = async (memberId: string) => (await portalDay(ports(), memberId)).lang
  scope.get('/reports/collection', async (req) => collectionReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/promises', async (req) => promisesReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/payouts', async (req) => payoutsReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/approvals', async (req) => approvalsReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/claims', async (req) => {
    const s = requireAdmin(req)
    return claimsReport(ports(), await ctx.b24!.forPortal(s.memberId), s.memberId, await lang(s.memberId))
  })
  scope.get<{ Params: { file: string } }>('/exports/:file', async (req, reply) => {
    const s = requireAdmin(req)
    const l = await lang(s.memberId)
    const stamp = (await portalDay(ports(), s.memberId)).today
    switch (req.params.file) {
      case 'receivables.csv': {
        const csv = tableToCsv(await receivablesRegister(ports(), s.memberId, l), l)
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="receivables-${stamp}.csv"`).send(csv)
      }
      case 'receivables.xlsx':
      case 'reports.xlsx': {
        const tables = req.params.file === 'reports.xlsx'
          ? [await receivablesRegister(ports(), s.memberId, l), ...await reportTables(ports(), ctx.b24 ? await ctx.b24.forPortal(s.memberId) : null, s.memberId, l)]
          : [await receivablesRegister(ports(), s.memberId, l)]
        const name = req.params.file.replace('.xlsx', `-${stamp}.xlsx`)
        return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}"`).send(await tablesToXlsx(tables))
      }
      default:
        throw new ApiError(404, 'export.unknown', 'exports: receivables.csv, receivables.xlsx, reports.xlsx')
    }
  })
}
