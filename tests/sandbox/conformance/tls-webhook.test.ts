// Conformance: HTTPS. The official SDK's B24Hook builds https:// URLs only ("Webhook requires HTTPS protocol"):
// a TLS sandbox (self-signed certificate it makes itself) serves it unchanged; OAuth works over https too.
import https from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiVersion, B24Hook } from '@bitrix24/b24jssdk'
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts'
import { sdkFrom } from '../harness.ts'

let sb: Sandbox
let portalId: number

beforeAll(async () => {
  sb = await startSandbox({ tls: true })
  portalId = (await sb.admin.createPortal({ title: 'TLS portal' })).id
})
afterAll(async () => sb.close())

/** The client trusts the sandbox's own certificate (as a browser would after accepting it); the SDK is unchanged. */
function trust(b24: B24Hook): B24Hook {
  b24.getHttpClient(ApiVersion.v2).ajaxClient.defaults.httpsAgent = new https.Agent({ ca: sb.tlsCert! })
  b24.offClientSideWarning?.()
  return b24
}

describe('local-integrations/local-webhooks.md, settings/how-to-call-rest-api/index.md', () => {
  it('local-integrations/local-webhooks.md: an incoming webhook URL is https and B24Hook.fromWebhookUrl calls it', async () => {
    const hook = sb.admin.addWebhook(portalId, 1, { scopes: ['user', 'crm'] })
    expect(hook.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rest\/1\/[^/]+\/$/)
    expect(sb.baseUrl).toMatch(/^https:\/\//)
    const b24 = trust(B24Hook.fromWebhookUrl(hook.url))
    const r = await b24.actions.v2.call.make<{ ID: string }>({ method: 'user.current', params: {} })
    expect(r.isSuccess).toBe(true)
    expect(r.getData()?.result.ID).toBe('1')
  })

  it('local-integrations/local-webhooks.md: without trusting the certificate the TLS handshake is refused', async () => {
    const hook = sb.admin.addWebhook(portalId, 1, { scopes: ['user'] })
    const res = await fetch(`${hook.url}user.current`).then(
      () => 'ok',
      (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
    )
    expect(res).toMatch(/self[- ]signed|certificate/i)
  })

  it('settings/oauth/index.md: tokens issued for an app carry https endpoints and B24OAuth calls over https', async () => {
    const app = sb.admin.registerApp({ code: 'tls.app', scopes: ['user'] })
    const inst = await sb.admin.installApp(portalId, app.id)
    sb.admin.finishInstall(portalId, app.id)
    expect(String(inst.tokens.client_endpoint)).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rest\/$/)
    expect(String(inst.tokens.server_endpoint)).toMatch(/^https:\/\//)
    const b24 = sdkFrom(inst.tokens, app, inst.applicationToken)
    b24.getHttpClient(ApiVersion.v2).ajaxClient.defaults.httpsAgent = new https.Agent({ ca: sb.tlsCert! })
    const r = await b24.actions.v2.call.make<{ ID: string }>({ method: 'user.current', params: {} })
    expect(r.getData()?.result.ID).toBe('1')
  })
})
