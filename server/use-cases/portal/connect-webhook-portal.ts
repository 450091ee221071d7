// Incoming-webhook mode: the portal behind B24_WEBHOOK_URL is registered as a portal of the app
// (no OAuth tokens; its application token is random and never shared, so no inbound call can pass
// as this portal). Scheduled work (dunning, reconcile) and the CLI install run through the webhook.
import { randomBytes } from 'node:crypto'
import type { AppDeps } from '../app-deps.ts'
import { webhookEndpoint, webhookMemberId } from '../../bitrix24/client/webhook-portal.ts'

/** The webhook portal's member id, or null when the app is not in webhook mode. */
export async function connectWebhookPortal(ctx: AppDeps): Promise<string | null> {
  const url = ctx.config.b24.webhookUrl
  if (!url) return null
  const memberId = webhookMemberId(url)
  const existing = await ctx.repos.portals.get(memberId)
  if (!existing || existing.status !== 'active') {
    await ctx.repos.portals.upsert({
      memberId,
      domain: new URL(url).host,
      clientEndpoint: webhookEndpoint(url),
      serverEndpoint: '',
      applicationToken: randomBytes(32).toString('hex'),
      licenceFamily: null,
      appVersion: existing?.appVersion ?? null,
    })
    await ctx.repos.audit.record({
      memberId,
      actor: 'system',
      source: 'webhook',
      action: 'portal.connected',
      details: { domain: new URL(url).host, mode: 'webhook' },
    })
  }
  return memberId
}

/** What a webhook cannot do; the install skips these and says so. */
export const WEBHOOK_LIMITS = [
  'events (no event delivery to webhooks)',
  'robots (bizproc.robot.add needs an application)',
  'placements (CRM tabs need an application)',
] as const
