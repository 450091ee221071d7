// Hostile requests on an installed sandbox portal: forged application tokens on the portal's
// routes, bodies over each route's limit (413), path tricks in uploaded file names and in file
// downloads, and replayed Telegram updates (one effect). Each is refused or contained, writes
// nothing it should not, and the captured app log holds no token or secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import qs from 'qs'
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts'
import { apiRoutes, routeKey } from './route-list.ts'
import { routeSpecs } from './fuzz-route-specs.ts'
import { captureLog } from './log-capture.ts'
import { TEST_APP } from '../helpers/sandbox-app.ts'
import { lf } from '../fixtures/statements/encode.ts'
import { OUR, oneCLines } from '../fixtures/statements/one-c-file.ts'
import { startWorkers } from '../../server/create-context.ts'
import { robots } from '../../robots/index.ts'
import { createTelegramLinkCode } from '../../server/use-cases/approvals/link-approval-telegram.ts'
import { approvalPorts } from '../../server/use-cases/approvals/approval-ports.ts'
import { claimLetterLink } from '../../server/use-cases/claims/claim-letter-link.ts'
import { importStatement } from '../../server/use-cases/statements/import-statement.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'

const TG = { secret: 'tg-webhook-secret-0001', bot: '123456:bot-token-secret-abcdef' }
const cap = captureLog()
const telegramCalls: { method: string; body: Record<string, unknown> }[] = []
let telegram: Server
let w: FuzzWorld
let appToken = ''
const FORGED = 'forged-application-token-0000000'

beforeAll(async () => {
  // the Telegram Bot API, as far as the app uses it: record each call, answer ok
  telegram = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => {
      body += c
    })
    req.on('end', () => {
      telegramCalls.push({ method: String(req.url).split('/').pop()!, body: JSON.parse(body || '{}') })
      res
        .setHeader('content-type', 'application/json')
        .end(JSON.stringify({ ok: true, result: { message_id: telegramCalls.length } }))
    })
  })
  await new Promise<void>((r) => telegram.listen(0, '127.0.0.1', r))
  const port = (telegram.address() as { port: number }).port
  w = await startFuzzWorld({
    log: cap.log,
    env: {
      TELEGRAM_WEBHOOK_SECRET: TG.secret,
      TELEGRAM_BOT_TOKEN: TG.bot,
      TELEGRAM_API_BASE: `http://127.0.0.1:${port}`,
    },
  })
  appToken = (await w.ctx.repos.portals.get(w.memberId))!.applicationToken ?? ''
}, 120_000)
afterAll(async () => {
  await w?.close()
  await new Promise((r) => telegram?.close(r))
})

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const statementFile = (n: number) =>
  Buffer.from(
    lf(
      oneCLines(
        [
          {
            number: String(100 + n),
            date: '03.12.2024',
            amount: `${n}.00`,
            payerInn: '7799999999',
            payer: 'ООО Другой',
            payerAccount: '2',
            payeeAccount: OUR,
            credited: '03.12.2024',
            purpose: 'Оплата',
          },
        ],
        [{ account: OUR, opening: '0', incoming: String(n), outgoing: '0', closing: String(n) }],
      ),
    ),
  )
const upload = (fileName: string, bytes: Buffer) =>
  w.app.inject({
    method: 'POST',
    url: `/api/statements?${qs.stringify({ fileName })}`,
    headers: {
      authorization: `Bearer ${w.admin}`,
      'x-b24-member-id': w.memberId,
      'content-type': 'application/octet-stream',
    },
    payload: bytes,
  })

describe('forged application_token', () => {
  const auth = (token: string) => ({
    member_id: w.memberId,
    application_token: token,
    domain: 'x',
    access_token: 'stolen-access-token-0001',
  })
  it('is refused (401) on events, the uninstall event and every robot handler of the registry, and nothing is queued or deleted', async () => {
    const before = await w.snapshot()
    const bodies: [string, string, number, string][] = [
      [
        '/bitrix/events',
        qs.stringify({
          event: 'ONCRMDYNAMICITEMUPDATE',
          ts: '1',
          data: { FIELDS: { ID: '1', ENTITY_TYPE_ID: '1040' } },
          auth: auth(FORGED),
        }),
        401,
        'inbound.bad-application-token',
      ],
      [
        '/bitrix/events',
        qs.stringify({ event: 'ONAPPUNINSTALL', ts: '2', data: { CLEAN: '1' }, auth: auth(FORGED) }),
        401,
        'inbound.bad-application-token',
      ],
      [
        '/bitrix/events',
        qs.stringify({
          event: 'ONCRMDYNAMICITEMUPDATE',
          ts: '3',
          data: { FIELDS: { ID: '1' } },
          auth: auth(`${appToken.slice(0, -1)}x`),
        }),
        401,
        'inbound.bad-application-token',
      ],
      [
        '/bitrix/events',
        qs.stringify({
          event: 'ONCRMDYNAMICITEMUPDATE',
          ts: '4',
          data: { FIELDS: { ID: '1' } },
          auth: { member_id: w.memberId },
        }),
        400,
        'inbound.missing-field',
      ],
    ]
    for (const { code } of robots) {
      bodies.push([
        `/bitrix/robots/${code}`,
        qs.stringify({
          workflow_id: 'wf',
          code,
          event_token: `et-${code}`,
          document_id: ['crm', 'D', 'DYNAMIC_1040_1'],
          document_type: ['crm', 'D', 'DYNAMIC_1040'],
          properties: {},
          auth: auth(FORGED),
        }),
        401,
        'inbound.bad-application-token',
      ])
    }
    expect(bodies.length).toBeGreaterThan(8)
    for (const [url, payload, status, error] of bodies) {
      const r = await w.app.inject({ method: 'POST', url, headers: form, payload })
      expect([r.statusCode, r.json().error], url).toEqual([status, error])
    }
    expect(await w.snapshot()).toEqual(before)
    expect((await w.ctx.repos.portals.get(w.memberId))?.status).toBe('active')
  })
})

describe('bodies over the limit', () => {
  it('every /api route that takes a body answers 413 to one over 1 MB, and writes nothing', async () => {
    // the statement upload takes raw bytes up to 20 MB and a stage template up to 3 MB: their limits are checked below
    const own = ['POST /api/statements', 'PUT /api/admin/stage-templates/:stage']
    const routes = (await apiRoutes(w.app)).filter((r) => r.method !== 'GET' && !own.includes(routeKey(r)))
    expect(routes.length).toBeGreaterThan(30)
    const specs = routeSpecs(w.ids, Buffer.alloc(0))
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) })
    const before = await w.snapshot()
    for (const r of routes) {
      let url = r.url
      for (const [k, v] of Object.entries(specs.find((s) => routeKey(s) === routeKey(r))?.params ?? {}))
        url = url.replace(`:${k}`, v)
      const headers = {
        authorization: `Bearer ${r.url.startsWith('/api/v1/') ? w.apiKey : w.admin}`,
        'x-b24-member-id': w.memberId,
        'content-type': 'application/json',
      }
      const res = await w.app.inject({ method: r.method as 'POST', url, headers, payload: big })
      expect([res.statusCode, res.json().error], routeKey(r)).toEqual([413, 'request.too-large'])
    }
    expect(await w.snapshot()).toEqual(before)
  })

  it('a statement file over 20 MB, a stage template over 3 MB and portal / Telegram bodies over their limits are refused with 413', async () => {
    const before = await w.snapshot()
    expect((await upload('big.txt', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41))).statusCode).toBe(413)
    const template = await w.app.inject({
      method: 'PUT',
      url: '/api/admin/stage-templates/FIRST_NOTICE',
      headers: {
        authorization: `Bearer ${w.admin}`,
        'x-b24-member-id': w.memberId,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ fileName: 'x.pdf', data: 'A'.repeat(3 * 1024 * 1024) }),
    })
    expect([template.statusCode, template.json().error]).toEqual([413, 'request.too-large'])
    for (const [url, limit, headers] of [
      ['/bitrix/events', 256, form],
      ['/bitrix/robots/penalty-calculate', 512, form],
      ['/bitrix/placements/admin', 64, form],
      ['/bitrix/install', 64, form],
      ['/telegram/webhook', 64, { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG.secret }],
    ] as [string, number, Record<string, string>][]) {
      const pad = 'x'.repeat(limit * 1024 + 1)
      const payload =
        headers['content-type'] === 'application/json'
          ? JSON.stringify({ update_id: 1, pad })
          : `member_id=${w.memberId}&pad=${pad}`
      const r = await w.app.inject({ method: 'POST', url, headers, payload })
      expect([r.statusCode, r.json().error], url).toEqual([413, 'request.too-large'])
    }
    expect(await w.snapshot()).toEqual(before)
  })
})

describe('path tricks in file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['/etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['C:\\Temp\\выписка.txt', 'выписка.txt'],
    ['evil\r\nSet-Cookie: x=1.txt', 'evilSet-Cookie: x=1.txt'],
    ['../', 'statement.txt'],
    ['..', 'statement.txt'],
    ['\t', 'statement.txt'],
    ['x'.repeat(500), 'x'.repeat(200)],
  ])('an uploaded statement named %j is stored as %j', async (name, stored) => {
    const n = Math.floor(Math.random() * 1e6) + 1
    const r = await upload(name, statementFile(n))
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json().fileName).toBe(stored)
    const row = await w.ctx.database.db
      .selectFrom('statement_imports')
      .select('file_name')
      .where('id', '=', r.json().id)
      .executeTakeFirstOrThrow()
    expect(row.file_name).toBe(stored)
  })

  it('a NUL in the name is refused at the door (400), and the import itself drops it from a name given any other way', async () => {
    expect((await upload('a\u0000b.txt', statementFile(777_001))).json().error).toBe('request.nul-character')
    const out = await importStatement(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      { fileName: 'a\u0000b\u0007.txt', bytes: new Uint8Array(statementFile(777_002)) },
    )
    expect(out.import.fileName).toBe('ab.txt')
  })

  it('file downloads never leave their route: letter links with tricks are refused, static paths do not climb out', async () => {
    const signed = claimLetterLink(w.ctx.config.secretKey, w.memberId, 1, 60)
    const query = signed.split('?')[1]
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '%2Fetc%2Fpasswd', '1.pdf', '-1', '0x1', '1e0', '%201', '01', '2']) {
      const r = await w.app.inject({ method: 'GET', url: `/files/claim-letters/${id}?${query}` })
      expect(r.statusCode, id).toBe(403)
    }
    expect((await w.app.inject({ method: 'GET', url: `/files/claim-letters/1%00?${query}` })).statusCode).toBe(400)
    expect((await w.app.inject({ method: 'GET', url: signed })).statusCode).toBe(404) // a valid link to a letter that does not exist
    for (const url of [
      '/ui/../package.json',
      '/ui/..%2f..%2fpackage.json',
      '/ui/%2e%2e/%2e%2e/package.json',
      '/ui/..%5c..%5cpackage.json',
      '/files/claim-letters/../../package.json',
      '/ui/%00',
    ]) {
      const r = await w.app.inject({ method: 'GET', url })
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400)
      expect(r.statusCode, url).toBeLessThan(500)
      expect(r.body, url).not.toContain('"receivables-control-b24"')
    }
  })
})

describe('NUL in an address', () => {
  it('is refused (400) in any path or query, before it reaches a search or a write', async () => {
    const h = { authorization: `Bearer ${w.admin}`, 'x-b24-member-id': w.memberId }
    const before = await w.snapshot()
    for (const [method, url] of [
      ['GET', '/api/receivables?q=a%00b'],
      ['GET', '/api/admin/claim-letter-template?inn=%00'],
      ['DELETE', '/api/admin/legal-entities/7701234567%00'],
      ['GET', '/api/counterparties/company/1%00/summary'],
      ['POST', '/api/statements?fileName=a%00b'],
      ['GET', '/bitrix/placements/admin?member_id=%00'],
    ]) {
      const r = await w.app.inject({ method: method as 'GET', url, headers: h })
      expect([r.statusCode, r.json().error], url).toEqual([400, 'request.nul-character'])
    }
    expect(await w.snapshot()).toEqual(before)
  })
})

describe('replayed Telegram updates', () => {
  it('the same update_id three times (the last after it was handled) links the chat and answers once', async () => {
    await startWorkers(w.ctx)
    const { code } = await createTelegramLinkCode(approvalPorts(w.ctx), w.memberId, 1)
    const update = {
      update_id: 424242,
      message: { message_id: 5, from: { id: 9001 }, chat: { id: 9001 }, text: `/start ${code}` },
    }
    const post = (u: object) =>
      w.app.inject({
        method: 'POST',
        url: '/telegram/webhook',
        headers: { 'x-telegram-bot-api-secret-token': TG.secret },
        payload: u,
      })
    expect((await post(update)).statusCode).toBe(200)
    expect((await post(update)).statusCode).toBe(200)
    await expect.poll(() => telegramCalls.filter((c) => c.method === 'sendMessage').length, { timeout: 15_000 }).toBe(1)
    expect((await post(update)).statusCode).toBe(200)
    // the same id with other content is a replay too, not a new update
    expect((await post({ ...update, message: { ...update.message, text: '/start 000000' } })).statusCode).toBe(200)
    await new Promise((r) => setTimeout(r, 3_000))
    expect(telegramCalls.filter((c) => c.method === 'sendMessage')).toHaveLength(1)
    expect(telegramCalls[0].body).toMatchObject({ chat_id: 9001, text: expect.stringContaining('Linked') })
    expect(await approvalPorts(w.ctx).telegramLinks.chatOf(w.memberId, 1)).toBe(9001)
  }, 30_000)
})

describe('the log', () => {
  it('has the refusals, and no token, key or secret', async () => {
    expect(cap.lines.some((l) => l.includes('"http.rejected"') && l.includes('401'))).toBe(true)
    const tokens = await w.ctx.repos.portals.getTokens(w.memberId)
    const secrets = [
      w.admin,
      w.clerk,
      w.apiKey,
      appToken,
      FORGED,
      'stolen-access-token-0001',
      TG.secret,
      TG.bot,
      TEST_APP.clientSecret,
      tokens?.accessToken,
      tokens?.refreshToken,
      w.ctx.config.secretKey,
    ]
    expect(cap.leaks(secrets)).toEqual([])
  })
})
