// /api reports module (admins and the roles named in the admin page): collection (overdue trend, DSO, effectiveness), promises, claims by
// stage, payouts of a period (this week, next 30 days, this month, a range; by day and by case), approvals; exports of the register and the reports (CSV, XLSX), and
// each report as its own CSV (/exports/reports/<report>.csv). Texts (headers, stage names) follow
// ?lang=ru|en (the UI's language), else the portal's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireCompanyWide } from '../access.ts'
import { ApiError } from '../../error-handler.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { portalDay } from '../../../use-cases/receivables/receivable-calendar.ts'
import { collectionReport } from '../../../use-cases/reports/report-collection.ts'
import { approvalsReport, payoutsReport, promisesReport } from '../../../use-cases/reports/report-work.ts'
import { claimsReport } from '../../../use-cases/reports/report-claims.ts'
import {
  REPORT_CSV,
  receivablesRegister,
  reportTable,
  reportTables,
  type ReportCsv,
} from '../../../use-cases/reports/export-reports.ts'
import { oneOf } from '../receivables/parse.ts'
import { tablesToXlsx, tableToCsv } from '../../../documents/table-export.ts'
import { PAYOUT_GROUPS, payoutPeriodTables } from '../../../use-cases/reports/payout-tables.ts'
import { PayoutError } from '../../../domain/claims/payouts.ts'

export async function reportsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  // company-wide: portal administrators and the roles named in the admin page
  const allowed = (req: FastifyRequest) => requireCompanyWide(ctx, req)
  const lang = async (memberId: string, query?: unknown): Promise<'ru' | 'en'> => {
    const asked = (query as Record<string, unknown> | undefined)?.lang
    return asked === undefined || asked === ''
      ? (await portalDay(ports(), memberId)).lang
      : oneOf(asked, ['ru', 'en'] as const, 'lang', 'ru')
  }
  const portalClient = async (memberId: string) => (ctx.b24 ? ctx.b24.forPortal(memberId) : null)
  const csv = (reply: FastifyReply, name: string, body: string) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(body)
  scope.get('/reports/collection', async (req) => collectionReport(ports(), (await allowed(req)).memberId))
  scope.get('/reports/promises', async (req) => promisesReport(ports(), (await allowed(req)).memberId))
  // ?period=this-week|next-30-days|this-month (default) or ?from=YYYY-MM-DD&to=YYYY-MM-DD
  const payouts = async (memberId: string, query: unknown) => {
    const q = (query ?? {}) as Record<string, unknown>
    try {
      return await payoutsReport(ports(), memberId, { period: q.period, from: q.from, to: q.to })
    } catch (e) {
      if (e instanceof PayoutError) throw new ApiError(400, e.code, e.message)
      throw e
    }
  }
  scope.get('/reports/payouts', async (req) => payouts((await allowed(req)).memberId, req.query))
  scope.get('/reports/approvals', async (req) => approvalsReport(ports(), (await allowed(req)).memberId))
  scope.get('/reports/claims', async (req) => {
    const s = await allowed(req)
    return claimsReport(ports(), await ctx.b24!.forPortal(s.memberId), s.memberId, await lang(s.memberId, req.query))
  })
  scope.get<{ Params: { file: string } }>('/exports/reports/:file', async (req, reply) => {
    const s = await allowed(req)
    const name = req.params.file.replace(/\.csv$/, '') as ReportCsv
    if (!req.params.file.endsWith('.csv') || !REPORT_CSV.includes(name))
      throw new ApiError(404, 'export.unknown', `report exports: ${REPORT_CSV.map((r) => `${r}.csv`).join(', ')}`)
    const l = await lang(s.memberId, req.query)
    const stamp = (await portalDay(ports(), s.memberId)).today
    return csv(
      reply,
      `${name}-${stamp}.csv`,
      tableToCsv(
        await reportTable(ports(), name === 'claims' ? await portalClient(s.memberId) : null, s.memberId, l, name),
        l,
      ),
    )
  })
  scope.get<{ Params: { file: string } }>('/exports/:file', async (req, reply) => {
    const s = await allowed(req)
    const l = await lang(s.memberId, req.query)
    const stamp = (await portalDay(ports(), s.memberId)).today
    switch (req.params.file) {
      case 'receivables.csv': {
        return csv(reply, `receivables-${stamp}.csv`, tableToCsv(await receivablesRegister(ports(), s.memberId, l), l))
      }
      case 'receivables.xlsx':
      case 'reports.xlsx': {
        const tables =
          req.params.file === 'reports.xlsx'
            ? [
                await receivablesRegister(ports(), s.memberId, l),
                ...(await reportTables(ports(), await portalClient(s.memberId), s.memberId, l)),
              ]
            : [await receivablesRegister(ports(), s.memberId, l)]
        const name = req.params.file.replace('.xlsx', `-${stamp}.xlsx`)
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(await tablesToXlsx(tables))
      }
      // the payouts of a period: ?group=rows|day|case for the CSV; the XLSX has all three sheets
      case 'payouts.csv':
      case 'payouts.xlsx': {
        const p = await payouts(s.memberId, req.query)
        const name = `payouts-${p.from}-${p.to}`
        if (req.params.file === 'payouts.xlsx')
          return reply
            .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send(await tablesToXlsx(payoutPeriodTables(p, l)))
        const group = oneOf((req.query as Record<string, unknown>).group, PAYOUT_GROUPS, 'group', 'rows')
        return csv(reply, `${name}-${group}.csv`, tableToCsv(payoutPeriodTables(p, l, group)[0], l))
      }
      default:
        throw new ApiError(
          404,
          'export.unknown',
          'exports: receivables.csv, receivables.xlsx, reports.xlsx, payouts.csv, payouts.xlsx',
        )
    }
  })
}
