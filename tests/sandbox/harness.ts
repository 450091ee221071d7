// Shared setup for sandbox tests: a sandbox, a portal, an app installed through the Market flow
// with its handlers on a local receiver, and official-SDK clients built from the issued tokens.
import { createServer, type Server } from 'node:http'
import qs from 'qs'
import { B24OAuth } from '@bitrix24/b24jssdk'
import { startSandbox, type Sandbox } from '../../sandbox/index.ts'

export type Received = { path: string; body: Record<string, unknown>; raw: string; headers: Record<string, unknown> }

export type Receiver = {
  url: string
  received: Received[]
  onPost?: (r: Received) => void | Promise<void>
  close(): Promise<void>
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = []
  const rec: Receiver = { url: '', received, close: async () => undefined }
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', async () => {
      const r = {
        path: req.url ?? '/',
        body: qs.parse(raw, { depth: 10, arrayLimit: 1000 }) as Record<string, unknown>,
        raw,
        headers: req.headers,
      }
      received.push(r)
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('ok')
      await rec.onPost?.(r)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const addr = server.address()
  rec.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
  rec.close = () => new Promise((r) => server.close(() => r()))
  return rec
}

export type Tokens = Record<string, unknown>

export function sdkFrom(
  t: Tokens,
  app: { clientId: string; clientSecret: string },
  applicationToken = '',
  fast = true,
): B24OAuth {
  const b24 = new B24OAuth(
    {
      applicationToken,
      userId: Number(t.user_id),
      memberId: String(t.member_id),
      accessToken: String(t.access_token),
      refreshToken: String(t.refresh_token),
      expires: Number(t.expires),
      expiresIn: Number(t.expires_in),
      scope: String(t.scope),
      domain: new URL(String(t.client_endpoint)).host,
      clientEndpoint: String(t.client_endpoint),
      serverEndpoint: String(t.server_endpoint),
      status: String(t.status) as never,
    },
    { clientId: app.clientId, clientSecret: app.clientSecret },
    fast
      ? {
          restrictionParams: {
            rateLimit: { burstLimit: 10_000, drainRate: 1000, adaptiveEnabled: false },
            maxRetries: 1,
            retryOnNetworkError: false,
          },
        }
      : undefined,
  )
  b24.offClientSideWarning?.()
  return b24
}

export type World = {
  sb: Sandbox
  portalId: number
  appId: number
  app: { clientId: string; clientSecret: string }
  applicationToken: string
  tokens: Tokens
  b24: B24OAuth
  rx: Receiver
  close(): Promise<void>
}

export async function setup(
  opts: { tokenLifetimeSec?: number; finish?: boolean; limits?: boolean; licenseFamily?: 'pro' | 'ent' } = {},
): Promise<World> {
  const rx = await startReceiver()
  const sb = await startSandbox({ tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600 })
  const portal = await sb.admin.createPortal({ title: 'Test portal', licenseFamily: opts.licenseFamily })
  if (!opts.limits) sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const app = sb.admin.registerApp({
    code: 'test.app',
    clientId: 'local.test.1',
    clientSecret: 'secret-1',
    appUrl: `${rx.url}/app`,
    installUrl: `${rx.url}/install`,
    eventHandlerUrl: `${rx.url}/install-event`,
  })
  const inst = await sb.admin.installApp(portal.id, app.id)
  if (opts.finish !== false) sb.admin.finishInstall(portal.id, app.id)
  const b24 = sdkFrom(inst.tokens, app, inst.applicationToken)
  return {
    sb,
    portalId: portal.id,
    appId: app.id,
    app,
    applicationToken: inst.applicationToken,
    tokens: inst.tokens,
    b24,
    rx,
    async close() {
      await sb.close()
      await rx.close()
    },
  }
}

/** Call through the SDK and return `result` (throws the SDK's AjaxError on failure). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a method answers its own shape; tests name the fields they read
export async function call<T = any>(b24: B24OAuth, method: string, params: Record<string, unknown> = {}): Promise<T> {
  const r = await b24.actions.v2.call.make<T>({ method, params })
  return (r.getData() as { result: T }).result
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the whole answer of any method (result, total, next)
export async function callFull(b24: B24OAuth, method: string, params: Record<string, unknown> = {}): Promise<any> {
  const r = await b24.actions.v2.call.make({ method, params })
  const raw = (r as unknown as { _data: Record<string, unknown> })._data
  return { ...(r.getData() as object), total: r.getTotal(), next: r.isMore() ? raw.next : undefined, raw }
}

/** Expect an SDK call to fail; returns {code, status}. */
export async function fails(
  b24: B24OAuth,
  method: string,
  params: Record<string, unknown> = {},
): Promise<{ code: string; status: number }> {
  try {
    const r = await b24.actions.v2.call.make({ method, params })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK result's error list is not in its public type
    if (!r.isSuccess) return { code: String((r as any).getErrors?.()?.[0]?.code ?? 'soft'), status: r.getStatus() }
  } catch (e) {
    const err = e as { code?: string; status?: number }
    return { code: String(err.code), status: Number(err.status) }
  }
  throw new Error(`${method} did not fail`)
}

export async function makeSpa(
  b24: B24OAuth,
  title = 'Invoices',
  extra: Record<string, unknown> = {},
): Promise<{ id: number; entityTypeId: number }> {
  const r = await call(b24, 'crm.type.add', {
    fields: {
      title,
      isCategoriesEnabled: 'Y',
      isStagesEnabled: 'Y',
      isClientEnabled: 'Y',
      isUseInUserfieldEnabled: 'Y',
      isAutomationEnabled: 'Y',
      linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'true' },
      ...extra,
    },
  })
  return { id: r.type.id, entityTypeId: r.type.entityTypeId }
}

export async function waitFor<T>(fn: () => T | undefined | null | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > end) throw new Error('waitFor timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}
