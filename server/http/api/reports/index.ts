// /api reports module (admins): collection (overdue trend, DSO, effectiveness), promises, claims by
// stage, payouts due this month, approvals; exports of the register and the reports (CSV, XLSX), and
// each report as its own CSV (/exports/reports/<report>.csv). Texts (headers, stage names) follow
// ?lang=ru|en (the UI's language), else the portal's.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { receivablesPorts } from '../../../use-cases/receivables-ports.ts'
import { portalDay } from '../../../use-cases/receivable-calendar.ts'
import { collectionReport } from '../../../use-cases/report-collection.ts'
import { approvalsReport, payoutsReport, promisesReport } from '../../../use-cases/report-work.ts'
import { claimsReport } from '../../../use-cases/report-claims.ts'
import { REPORT_CSV, receivablesRegister, reportTable, reportTables, type ReportCsv } from '../../../use-cases/export-reports.ts'
import { oneOf } from '../receivables/parse.ts'
import { tablesToXlsx, tableToCsv } from '../../../documents/table-export.ts'

export async function reportsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  const lang = async (memberId: string, query?: unknown): Promise<'ru' | 'en'> => {
    const asked = (query as Record<string, unknown> | undefined)?.lang
    return asked === undefined || asked === '' ? (await portalDay(ports(), memberId)).lang : oneOf(asked, ['ru', 'en'] as const, 'lang', 'ru')
  }
  const portalClient = async (memberId: string) => (ctx.b24 ? ctx.b24.forPortal(memberId) : null)
  const csv = (reply: FastifyReply, name: string, body: string) => reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body)
  scope.get('/reports/collection', async (req) => collectionReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/promises', async (req) => promisesReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/payouts', async (req) => payoutsReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/approvals', async (req) => approvalsReport(ports(), requireAdmin(req).memberId))
  scope.get('/reports/claims', async (req) => {
    const s = requireAdmin(req)
    return claimsReport(ports(), await ctx.b24!.forPortal(s.memberId), s.memberId, await lang(s.memberId, req.query))
  })
  scope.get<{ Params: { file: string } }>('/exports/reports/:file', async (req, reply) => {
    const s = requireAdmin(req)
    const name = req.params.file.replace(/\.csv$/, '') as ReportCsv
    if (!req.params.file.endsWith('.csv') || !REPORT_CSV.includes(name)) throw new ApiError(404, 'export.unknown', `report exports: ${REPORT_CSV.map((r) => `${r}.csv`).join(', ')}`)
    const l = await lang(s.memberId, req.query)
    const stamp = (await portalDay(ports(), s.memberId)).today
    return csv(reply, `${name}-${stamp}.csv`, tableToCsv(await reportTable(ports(), name === 'claims' ? await portalClient(s.memberId) : null, s.memberId, l, name), l))
  })
  scope.get<{ Params: { file: string } }>('/exports/:file', async (req, reply) => {
    const s = requireAdmin(req)
    const l = await lang(s.memberId, req.query)
    const stamp = (await portalDay(ports(), s.memberId)).today
    switch (req.params.file) {
      case 'receivables.csv': {
        return csv(reply, `receivables-${stamp}.csv`, tableToCsv(await receivablesRegister(ports(), s.memberId, l), l))
      }
      case 'receivables.xlsx':
      case 'reports.xlsx': {
        const tables = req.params.file === 'reports.xlsx'
          ? [await receivablesRegister(ports(), s.memberId, l), ...await reportTables(ports(), await portalClient(s.memberId), s.memberId, l)]
          : [await receivablesRegister(ports(), s.memberId, l)]
        const name = req.params.file.replace('.xlsx', `-${stamp}.xlsx`)
        return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}"`).send(await tablesToXlsx(tables))
      }
      default:
        throw new ApiError(404, 'export.unknown', 'exports: receivables.csv, receivables.xlsx, reports.xlsx')
    }
  })
}
