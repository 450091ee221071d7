// Incoming-webhook mode (B24_WEBHOOK_URL): the app talks to one portal through a webhook instead of
// an installed application. Webhooks can call REST (smart processes, items, tasks, timeline) but
// cannot receive events, register robots or embed placements: those need an application.
import { B24Hook } from '@bitrix24/b24jssdk'

/** The portal id we store a webhook portal under (webhooks have no member_id). */
export function webhookMemberId(webhookUrl: string): string {
  return `webhook-${new URL(webhookUrl).host.replace(/[^a-z0-9.-]/gi, '_').toLowerCase()}`
}

/** The webhook's REST base without its secret, for logs and the portals table. */
export function webhookEndpoint(webhookUrl: string): string {
  const u = new URL(webhookUrl)
  return `${u.protocol}//${u.host}/rest/`
}

/** The official SDK's webhook client, its own limiter and retries off (ours decide). */
export function createHookSdk(webhookUrl: string): B24Hook {
  const sdk = B24Hook.fromWebhookUrl(webhookUrl.replace(/\/+$/, ''), {
    restrictionParams: {
      rateLimit: { burstLimit: 1_000_000, drainRate: 1_000_000, adaptiveEnabled: false },
      maxRetries: 1,
      retryOnNetworkError: false,
    },
  })
  sdk.offClientSideWarning()
  return sdk
}
