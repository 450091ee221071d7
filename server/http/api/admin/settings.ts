// /api/admin: company settings (calendar, key rates, legal entity, the thank-you e-mail on Paid, the claim work), the connection state with the
// install plan, the Telegram bot check, and who hears about statement lines. Admins only.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin, type Session } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import {
  changeKeyRate,
  readCalendarSettings,
  readKeyRates,
  saveCalendarSettings,
} from '../../../use-cases/admin/company-settings.ts'
import {
  deleteLegalEntity,
  readLegalEntities,
  readLegalEntity,
  saveLegalEntity,
  upsertLegalEntity,
  legalEntityWarnings,
} from '../../../use-cases/admin/legal-entities.ts'
import { readConnection } from '../../../use-cases/portal/read-connection.ts'
import { loadCalendarYear } from '../../../use-cases/admin/calendar-year-admin.ts'
import { createTelegramClient } from '../../../channels/telegram-client.ts'
import { knownFields, mapped, objectBody } from '../receivables/parse.ts'
import {
  previewLetterTemplate,
  readLetterTemplates,
  saveLetterTemplate,
} from '../../../use-cases/admin/claim-letter-template-settings.ts'
import { readThankYou, saveThankYou } from '../../../use-cases/admin/thank-you-settings.ts'
import { readEmailSender, saveEmailSender } from '../../../use-cases/admin/email-sender-settings.ts'
import { readClaimSettings, saveClaimSettings } from '../../../use-cases/admin/claim-settings-admin.ts'
import { loadStatusThresholds, saveStatusThresholds } from '../../../use-cases/receivables/status-settings.ts'
import { readStatementSettings, saveStatementSettings } from '../../../use-cases/admin/statement-settings-admin.ts'
import { readReceivableSource, saveReceivableSource } from '../../../use-cases/admin/receivable-source-admin.ts'

export async function adminSettingsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  const who = (s: Session) => ({ memberId: s.memberId, actor: `user:${s.userId}`, source: 'admin' })
  scope.get('/admin/calendar', async (req) => readCalendarSettings(ports(), requireAdmin(req).memberId))
  scope.put('/admin/calendar', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => saveCalendarSettings(ports(), who(s), req.body))
  })
  scope.post('/admin/calendar/year', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => loadCalendarYear(ports(), who(s), req.body))
  })
  scope.get('/admin/key-rates', async (req) => readKeyRates(ports(), requireAdmin(req).memberId))
  scope.post('/admin/key-rates', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => changeKeyRate(ports(), who(s), req.body))
  })
  scope.get('/admin/legal-entity', async (req) => ({
    entity: await readLegalEntity(ports(), requireAdmin(req).memberId),
  }))
  scope.put('/admin/legal-entity', async (req) => {
    const s = requireAdmin(req)
    return { entity: await mapped(() => saveLegalEntity(ports(), who(s), req.body)) }
  })
  scope.get('/admin/legal-entities', async (req) => ({
    entities: await readLegalEntities(ports(), requireAdmin(req).memberId),
  }))
  scope.put('/admin/legal-entities', async (req) => {
    const s = requireAdmin(req)
    const b = objectBody(req.body)
    const entities = await mapped(() => upsertLegalEntity(ports(), who(s), b.entity, b.replaceInn))
    // an INN whose control digits fail is kept, with a warning (like a statement line with one)
    const saved = entities.find((e) => e.inn === (b.entity as { inn?: unknown } | undefined)?.inn)
    return { entities, warnings: saved ? legalEntityWarnings(saved) : [] }
  })
  scope.delete<{ Params: { inn: string } }>('/admin/legal-entities/:inn', async (req) => {
    const s = requireAdmin(req)
    return { entities: await mapped(() => deleteLegalEntity(ports(), who(s), req.params.inn)) }
  })
  scope.get<{ Querystring: { inn?: string } }>('/admin/claim-letter-template', async (req) =>
    readLetterTemplates(
      ports(),
      requireAdmin(req).memberId,
      typeof req.query.inn === 'string' && req.query.inn ? req.query.inn : null,
    ),
  )
  scope.put('/admin/claim-letter-template', async (req) => {
    const s = requireAdmin(req)
    const b = objectBody(req.body)
    return mapped(() => saveLetterTemplate(ports(), who(s), b.lang, b.template, b.inn))
  })
  scope.post('/admin/claim-letter-template/preview', async (req) => {
    requireAdmin(req)
    const b = objectBody(req.body)
    return mapped(async () => previewLetterTemplate(b.lang, b.template))
  })
  scope.get('/admin/thank-you', async (req) => readThankYou(ports(), requireAdmin(req).memberId))
  scope.put('/admin/thank-you', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => saveThankYou(ports(), who(s), req.body))
  })
  scope.get('/admin/claim-settings', async (req) => readClaimSettings(ports(), requireAdmin(req).memberId))
  scope.put('/admin/claim-settings', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => saveClaimSettings(ports(), who(s), req.body))
  })
  // the days of the "due soon" and "stuck" statuses of receivables
  scope.get('/admin/receivable-statuses', async (req) => loadStatusThresholds(ports(), requireAdmin(req).memberId))
  scope.put('/admin/receivable-statuses', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => saveStatusThresholds(ports(), s.memberId, objectBody(req.body), `user:${s.userId}`))
  })
  scope.get('/admin/statement-settings', async (req) => readStatementSettings(ports(), requireAdmin(req).memberId))
  scope.put('/admin/statement-settings', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => saveStatementSettings(ports(), who(s), req.body))
  })
  // where receivables come from: won deals or smart invoices, per pipeline the stage (issue 24 item 1)
  scope.get('/admin/receivable-source', async (req) => {
    const s = requireAdmin(req)
    return mapped(() => readReceivableSource(ports(), s.memberId))
  })
  scope.put('/admin/receivable-source', async (req) => {
    const s = requireAdmin(req)
    return { settings: await mapped(() => saveReceivableSource(ports(), who(s), req.body)) }
  })
  scope.get('/admin/email-sender', async (req) => ({
    sender: await readEmailSender(ports(), requireAdmin(req).memberId),
  }))
  scope.put('/admin/email-sender', async (req) => {
    const s = requireAdmin(req)
    const b = req.body
    if (b && typeof b === 'object' && !Array.isArray(b)) knownFields(b as Record<string, unknown>, ['name', 'address'])
    return { sender: await mapped(() => saveEmailSender(ports(), who(s), b)) }
  })
  scope.get('/admin/connection', async (req) => readConnection(ctx, requireAdmin(req).memberId))
  scope.post('/admin/telegram/check', async (req) => {
    requireAdmin(req)
    if (!ctx.config.telegram.botToken)
      return {
        ok: false,
        username: null,
        reason: 'TELEGRAM_BOT_TOKEN is not set on the server',
        reasonCode: 'telegram.no-token',
      }
    const me = await createTelegramClient({
      botToken: ctx.config.telegram.botToken,
      apiBase: ctx.config.telegram.apiBase,
      timeoutMs: 5_000,
    }).getMe()
    // the code lets the page say it in its language; Telegram's own words stay as the detail
    return me.ok ? me : { ...me, reasonCode: 'telegram.rejected' }
  })
}
