// Conformance: the open-line chats of CRM objects through raw HTTP (exact error bodies), as their pages say
// (api-reference/imopenlines/openlines/chats/imopenlines-crm-chat-get.md, …/imopenlines-crm-chat-user-add.md,
// …/messages/imopenlines-crm-message-add.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setup, type World } from '../harness.ts'

let w: World
let company: number
let other: number
let chat: number
let closed: number
let manager: number

beforeAll(async () => {
  w = await setup()
  company = w.sb.admin.seedCompany(w.portalId, { TITLE: 'Romashka LLC' })
  other = w.sb.admin.seedCompany(w.portalId, { TITLE: 'Vasilek LLC' })
  manager = w.sb.admin.addUser(w.portalId, { name: 'Ivan', lastName: 'Manager' }).id
  closed = w.sb.admin.connectOpenLine(w.portalId, { entityType: 'company', entityId: company, active: false })
  chat = w.sb.admin.connectOpenLine(w.portalId, {
    entityType: 'company',
    entityId: company,
    connectorTitle: 'WhatsApp',
  })
})
afterAll(async () => w.close())

async function raw(method: string, params: Record<string, unknown>) {
  const res = await fetch(`${String(w.tokens.client_endpoint)}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, auth: w.tokens.access_token }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const message = (extra: Record<string, unknown> = {}) => ({
  CRM_ENTITY_TYPE: 'company',
  CRM_ENTITY: company,
  USER_ID: manager,
  CHAT_ID: chat,
  MESSAGE: 'Please pay invoice 7',
  ...extra,
})

describe('open-line chats of CRM objects', () => {
  it('imopenlines.crm.chat.get: active chats by default, every chat with ACTIVE_ONLY N, CHAT_ID a string', async () => {
    const active = await raw('imopenlines.crm.chat.get', { CRM_ENTITY_TYPE: 'company', CRM_ENTITY: company })
    expect(active).toEqual({
      status: 200,
      body: expect.objectContaining({
        result: [{ CHAT_ID: String(chat), CONNECTOR_ID: 'whatsappbyedna', CONNECTOR_TITLE: 'WhatsApp' }],
      }),
    })
    const all = await raw('imopenlines.crm.chat.get', {
      CRM_ENTITY_TYPE: 'company',
      CRM_ENTITY: company,
      ACTIVE_ONLY: 'N',
    })
    expect((all.body.result as { CHAT_ID: string }[]).map((c) => c.CHAT_ID)).toEqual([String(closed), String(chat)])
    const none = await raw('imopenlines.crm.chat.get', { CRM_ENTITY_TYPE: 'company', CRM_ENTITY: other })
    expect(none.body.result).toEqual([])
    const bad = await raw('imopenlines.crm.chat.get', { CRM_ENTITY_TYPE: 'invoice', CRM_ENTITY: company })
    expect([bad.status, bad.body.error]).toEqual([400, 'ERROR_ARGUMENT'])
  })

  it('imopenlines.crm.message.add: the sender must be in the chat (CANCELED), the chat the object’s', async () => {
    const outsider = await raw('imopenlines.crm.message.add', message())
    expect([outsider.status, outsider.body.error, outsider.body.error_description]).toEqual([
      400,
      'CANCELED',
      'You cannot send messages to the specified chat',
    ])
    const foreign = await raw('imopenlines.crm.message.add', message({ CRM_ENTITY: other }))
    expect([foreign.status, foreign.body.error]).toEqual([400, 'CHAT_NOT_IN_CRM'])
    for (const name of ['CRM_ENTITY_TYPE', 'CRM_ENTITY', 'USER_ID', 'MESSAGE']) {
      const r = await raw('imopenlines.crm.message.add', message({ [name]: '' }))
      expect([r.status, r.body.error, r.body.error_description]).toEqual([
        400,
        'ERROR_ARGUMENT',
        `Argument ${name} is null or empty`,
      ])
    }
    expect(w.sb.admin.openLineMessages(w.portalId)).toEqual([])
  })

  it('imopenlines.crm.chat.user.add: joins the employee once, answers the chat id; then the message goes', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await raw('imopenlines.crm.chat.user.add', {
        CRM_ENTITY_TYPE: 'company',
        CRM_ENTITY: company,
        CHAT_ID: chat,
        USER_ID: manager,
      })
      expect([r.status, r.body.result]).toEqual([200, chat])
    }
    const noChat = await raw('imopenlines.crm.chat.user.add', {
      CRM_ENTITY_TYPE: 'company',
      CRM_ENTITY: other,
      USER_ID: manager,
    })
    expect(noChat.body.result).toBe(0)
    const sent = await raw('imopenlines.crm.message.add', message())
    expect(sent.status).toBe(200)
    expect(typeof sent.body.result).toBe('number')
    expect(w.sb.admin.openLineMessages(w.portalId)).toEqual([
      expect.objectContaining({ chatId: chat, userId: manager, message: 'Please pay invoice 7' }),
    ])
  })

  it('imopenlines.crm.message.add: an app without imopenlines is refused (403 insufficient_scope)', async () => {
    const before = w.sb.admin.registerApp({ clientId: w.app.clientId }).scopes
    w.sb.admin.registerApp({ clientId: w.app.clientId, scopes: ['crm', 'im'] })
    const r = await raw('imopenlines.crm.message.add', message())
    w.sb.admin.registerApp({ clientId: w.app.clientId, scopes: before })
    expect([r.status, r.body.error]).toEqual([403, 'insufficient_scope'])
  })
})
