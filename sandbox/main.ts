// npm run sandbox: a persistent sandbox in data/sandbox with one demo portal, a test app and
// credentials written to data/sandbox/portal.json for outside tools (curl, scripts, other SDKs).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox } from './index.ts'

const dir = process.env.SANDBOX_DIR ?? join(process.cwd(), 'data', 'sandbox')
const port = Number(process.env.SANDBOX_PORT ?? 8790)
mkdirSync(dir, { recursive: true })

const sb = await startSandbox({ persistDir: join(dir, 'pglite'), port })
const portal = sb.admin.portals()[0] ?? (await sb.admin.createPortal({ title: 'Demo portal', port: port + 1 }))
const app = sb.admin.registerApp({
  code: 'local.sandbox.test',
  name: 'Sandbox test app',
  clientId: 'local.sandbox.test',
  clientSecret: 'sandbox-test-secret',
})
const inst =
  sb.admin.installation(portal.id, app.id) ??
  (await sb.admin.installApp(portal.id, app.id), sb.admin.installation(portal.id, app.id))
if (inst && !inst.finished) sb.admin.finishInstall(portal.id, app.id)
const hook = sb.admin.addWebhook(portal.id, 1, { code: 'sandboxwebhook1' })
const tokens = sb.admin.issueTokens(portal.id, app.id, 1)

const info = {
  portal: { id: portal.id, memberId: portal.memberId, domain: portal.domain, origin: portal.origin },
  restBase: portal.restBase,
  webhookUrl: hook.url,
  oauth: {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expires: tokens.expires,
    serverEndpoint: tokens.server_endpoint,
    clientEndpoint: tokens.client_endpoint,
    applicationToken: sb.admin.installation(portal.id, app.id)?.applicationToken,
  },
  adminApi: `${sb.baseUrl}/_sandbox/`,
}
writeFileSync(join(dir, 'portal.json'), JSON.stringify(info, null, 2))
console.log(JSON.stringify(info, null, 2))
console.log(`sandbox running at ${sb.baseUrl} (state in ${dir}); Ctrl+C to stop`)

const stop = async () => {
  await sb.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
