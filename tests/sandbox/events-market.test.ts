import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, makeSpa, sdkFrom, setup, waitFor, type World } from './harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
const posts = (path: string) => w.rx.received.filter((r) => r.path === path)

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24, undefined, { isLinkWithProductsEnabled: 'Y' })
})
afterAll(async () => w.close())

describe('Marketplace install', () => {
  it('ONAPPINSTALL reached the app handler with tokens that work', async () => {
    const [install] = posts('/install-event')
    expect(install.body.event).toBe('ONAPPINSTALL')
    const auth = install.body.auth as Record<string, string>
    expect(auth.application_token).toBe(w.applicationToken)
    const b24 = sdkFrom(auth, w.app)
    expect((await call(b24, 'app.info')).INSTALLED).toBe(true)
  })

  it('events and placements of an app become active only after installFinish', async () => {
    const late = w.sb.admin.registerApp({
      code: 'late',
      clientId: 'local.late',
      clientSecret: 's2',
      installUrl: `${w.rx.url}/late-install`,
    })
    const inst = await w.sb.admin.installApp(w.portalId, late.id)
    expect(inst.finished).toBe(false)
    const b24 = sdkFrom(inst.tokens, late)
    expect((await call(b24, 'app.info')).INSTALLED).toBe(false)
    await call(b24, 'event.bind', { event: 'ONCRMCOMPANYADD', handler: `${w.rx.url}/late-events` })
    await call(w.b24, 'crm.company.add', { fields: { TITLE: 'Before finish' } })
    await w.sb.admin.flush()
    expect(posts('/late-events')).toHaveLength(0)
    const frame = w.sb.admin.framePost(w.portalId, late.id, 1)
    expect(frame.url.startsWith(`${w.rx.url}/late-install?`)).toBe(true)
    w.sb.admin.finishInstall(w.portalId, late.id)
    expect((await call(b24, 'app.info')).INSTALLED).toBe(true)
    await call(w.b24, 'crm.company.add', { fields: { TITLE: 'After finish' } })
    await w.sb.admin.flush()
    expect(posts('/late-events')).toHaveLength(1)
  })
})

describe('event delivery', () => {
  it('binds, lists and delivers item, company and task events as form posts', async () => {
    for (const e of [
      'ONCRMDYNAMICITEMADD',
      'ONCRMDYNAMICITEMUPDATE',
      'ONCRMDYNAMICITEMDELETE',
      'ONCRMCOMPANYUPDATE',
      'ONTASKADD',
    ]) {
      expect(await call(w.b24, 'event.bind', { event: e, handler: `${w.rx.url}/events` })).toBe(true)
    }
    expect(await fails(w.b24, 'event.bind', { event: 'ONNOTHING', handler: `${w.rx.url}/events` })).toMatchObject({
      code: 'ERROR_EVENT_NOT_FOUND',
    })
    const bound = await call(w.b24, 'event.get')
    expect(bound.filter((b: { handler: string }) => b.handler === `${w.rx.url}/events`)).toHaveLength(5)
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'E' } })
    await call(w.b24, 'crm.item.update', { entityTypeId: spa.entityTypeId, id: item.id, fields: { title: 'E2' } })
    await call(w.b24, 'crm.item.delete', { entityTypeId: spa.entityTypeId, id: item.id })
    const company = await call(w.b24, 'crm.company.add', { fields: { TITLE: 'C' } })
    await call(w.b24, 'crm.company.update', { id: company, fields: { TITLE: 'C2' } })
    const { task } = await call(w.b24, 'tasks.task.add', { fields: { TITLE: 'T', RESPONSIBLE_ID: 1 } })
    await w.sb.admin.flush()
    // deliveries are separate posts that may arrive in any order (the portal promises none): by name
    const got = posts('/events').map((r) => r.body)
    expect(got.map((b) => b.event).sort()).toEqual(
      [
        'ONCRMDYNAMICITEMADD',
        'ONCRMDYNAMICITEMUPDATE',
        'ONCRMDYNAMICITEMDELETE',
        'ONCRMCOMPANYUPDATE',
        'ONTASKADD',
      ].sort(),
    )
    const of = (event: string) => got.find((b) => b.event === event)!
    expect(of('ONCRMDYNAMICITEMADD').data).toEqual({
      FIELDS: { ID: String(item.id), ENTITY_TYPE_ID: String(spa.entityTypeId) },
    })
    expect(of('ONCRMCOMPANYUPDATE').data).toEqual({ FIELDS: { ID: String(company) } })
    expect(of('ONTASKADD').data).toMatchObject({ FIELDS_AFTER: { ID: task.id }, FIELDS_BEFORE: 'undefined' })
    expect((of('ONCRMDYNAMICITEMADD').auth as Record<string, string>).application_token).toBe(w.applicationToken)
    expect(posts('/events')[0].headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(await call(w.b24, 'event.unbind', { event: 'ONTASKADD', handler: `${w.rx.url}/events` })).toEqual({
      count: 1,
    })
  })

  it('drops deliveries when told to, without retries', async () => {
    await call(w.b24, 'event.bind', { event: 'ONCRMCONTACTADD', handler: `${w.rx.url}/drop` })
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
    await call(w.b24, 'crm.contact.add', { fields: { NAME: 'Lost' } })
    await w.sb.admin.flush()
    w.sb.admin.clearFaults(w.portalId)
    expect(posts('/drop')).toHaveLength(0)
    expect(w.sb.admin.deliveries({ portalId: w.portalId, name: 'ONCRMCONTACTADD' }).map((d) => d.dropped)).toEqual([
      true,
    ])
  })

  it('offline events keep the latest state per object and are read with event.offline.get', async () => {
    await call(w.b24, 'event.bind', { event: 'ONCRMDYNAMICITEMUPDATE', event_type: 'offline' })
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'O' } })
    for (const t of ['O1', 'O2', 'O3'])
      await call(w.b24, 'crm.item.update', { entityTypeId: spa.entityTypeId, id: item.id, fields: { title: t } })
    const listed = await call(w.b24, 'event.offline.list')
    expect(listed).toHaveLength(1)
    const r = await call(w.b24, 'event.offline.get', { clear: 0 })
    expect(r.events[0]).toMatchObject({
      EVENT_NAME: 'ONCRMDYNAMICITEMUPDATE',
      EVENT_DATA: { FIELDS: { ID: String(item.id) } },
    })
    expect(r.process_id).toEqual(expect.any(String))
    expect((await call(w.b24, 'event.offline.get')).events).toEqual([])
    expect(await call(w.b24, 'event.offline.clear', { process_id: r.process_id })).toBe(true)
    expect(await call(w.b24, 'event.offline.list')).toEqual([])
  })

  it("writes made with an auth_connector do not land in that connector's offline queue", async () => {
    await call(w.b24, 'event.bind', { event: 'ONCRMCOMPANYUPDATE', event_type: 'offline', auth_connector: 'sync1' })
    const id = await call(w.b24, 'crm.company.add', { fields: { TITLE: 'Loop' } })
    await call(w.b24, 'crm.company.update', { id, fields: { TITLE: 'Mine' }, auth_connector: 'sync1' })
    expect(await call(w.b24, 'event.offline.list', { auth_connector: 'sync1' })).toEqual([])
    await call(w.b24, 'crm.company.update', { id, fields: { TITLE: 'Theirs' } })
    expect(await call(w.b24, 'event.offline.list', { auth_connector: 'sync1' })).toHaveLength(1)
  })
})

describe('placements', () => {
  it('bind/get/list/unbind and the frame POST for a placement', async () => {
    const code = `CRM_DYNAMIC_${spa.entityTypeId}_DETAIL_TAB`
    expect(
      await call(w.b24, 'placement.bind', { PLACEMENT: code, HANDLER: `${w.rx.url}/tab`, TITLE: 'Receivables' }),
    ).toBe(true)
    expect(await call(w.b24, 'placement.list')).toContain(code)
    expect((await call(w.b24, 'placement.get'))[0]).toMatchObject({
      placement: code,
      handler: `${w.rx.url}/tab`,
      title: 'Receivables',
    })
    expect(await fails(w.b24, 'placement.bind', { PLACEMENT: 'NOPE', HANDLER: `${w.rx.url}/tab` })).toMatchObject({
      code: 'ERROR_PLACEMENT_NOT_FOUND',
    })
    const f = w.sb.admin.framePost(w.portalId, w.appId, 1, code, { ID: '15' })
    expect(f.fields).toMatchObject({
      PLACEMENT: code,
      PLACEMENT_OPTIONS: '{"ID":"15"}',
      APPLICATION_TOKEN: w.applicationToken,
      member_id: w.sb.admin.info(w.portalId).memberId,
    })
    expect(f.windowName).toBe(`${w.sb.admin.info(w.portalId).domain}|0|${f.query.APP_SID}`)
    expect((await call(sdkFrom({ ...w.tokens, access_token: f.fields.AUTH_ID }, w.app), 'profile')).ID).toBe('1')
    expect(await call(w.b24, 'placement.unbind', { PLACEMENT: code })).toEqual({ count: 1 })
  })
})

describe('robots and automation', () => {
  it('registers robots and runs stage rules with subscriptions and return values', async () => {
    const robot = (code: string, sub: 'Y' | 'N') =>
      call(w.b24, 'bizproc.robot.add', {
        CODE: code,
        HANDLER: `${w.rx.url}/robots/${code}`,
        AUTH_USER_ID: 1,
        USE_SUBSCRIPTION: sub,
        NAME: { en: code },
        PROPERTIES: { amount: { Name: 'Amount', Type: 'double' } },
        RETURN_PROPERTIES: { margin: { Name: 'Margin', Type: 'double' } },
        DOCUMENT_TYPE: ['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic', `DYNAMIC_${spa.entityTypeId}`],
      })
    expect(await robot('calc_margin', 'Y')).toBe(true)
    expect(await robot('notify_head', 'N')).toBe(true)
    expect(
      await fails(w.b24, 'bizproc.robot.add', { CODE: 'calc_margin', HANDLER: `${w.rx.url}/x`, NAME: 'x' }),
    ).toMatchObject({ code: 'ERROR_ACTIVITY_ALREADY_INSTALLED' })
    expect(
      await fails(w.b24, 'bizproc.robot.add', { CODE: 'other', HANDLER: 'http://elsewhere.example/x', NAME: 'x' }),
    ).toMatchObject({ code: 'ERROR_WRONG_HANDLER_URL' })
    expect(await call(w.b24, 'bizproc.robot.list')).toEqual(['calc_margin', 'notify_head'])
    expect(await call(w.b24, 'bizproc.robot.update', { CODE: 'notify_head', FIELDS: { NAME: { en: 'Notify' } } })).toBe(
      true,
    )

    const stages = await call(w.b24, 'crm.status.list', {
      filter: { ENTITY_ID: `DYNAMIC_${spa.entityTypeId}_STAGE_1` },
    })
    const prep = stages.find((s: { STATUS_ID: string }) => s.STATUS_ID.endsWith(':PREPARATION')).STATUS_ID
    w.sb.admin.setAutomation(w.portalId, spa.entityTypeId, prep, [
      { robot: 'calc_margin', properties: { amount: '{=Document:opportunity}' } },
      { robot: 'notify_head', properties: { amount: '{=A1:margin}' } },
    ])
    let token = ''
    w.rx.onPost = async (r) => {
      if (r.path !== '/robots/calc_margin') return
      token = String(r.body.event_token)
      await call(w.b24, 'bizproc.event.send', { event_token: token, return_values: { margin: 42 }, log_message: 'ok' })
    }
    const { item } = await call(w.b24, 'crm.item.add', {
      entityTypeId: spa.entityTypeId,
      fields: { title: 'R', opportunity: 1000 },
    })
    await call(w.b24, 'crm.item.update', { entityTypeId: spa.entityTypeId, id: item.id, fields: { stageId: prep } })
    const second = await waitFor(() => posts('/robots/notify_head')[0])
    const first = posts('/robots/calc_margin')[0]
    expect(first.body).toMatchObject({
      code: 'calc_margin',
      properties: { amount: '1000' },
      use_subscription: 'Y',
      document_id: [
        'crm',
        'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic',
        `DYNAMIC_${spa.entityTypeId}_${item.id}`,
      ],
    })
    expect(second.body).toMatchObject({ properties: { amount: '42' }, use_subscription: 'N' })
    const run = await waitFor(() => w.sb.admin.robotRuns(w.portalId).find((r) => r.status === 'done'))
    expect((run.steps as { returnValues: unknown }[])[0].returnValues).toEqual({ margin: 42 })
    expect(await fails(w.b24, 'bizproc.event.send', { event_token: token, return_values: { margin: 1 } })).toEqual({
      code: 'ACCESS_DENIED',
      status: 403,
    })
    w.rx.onPost = undefined
    expect(await call(w.b24, 'bizproc.robot.delete', { CODE: 'notify_head' })).toBe(true)
  })
})

describe('uninstall', () => {
  it('sends ONAPPUNINSTALL with CLEAN to the bound handler and revokes access', async () => {
    await call(w.b24, 'event.bind', { event: 'ONAPPUNINSTALL', handler: `${w.rx.url}/uninstall` })
    expect(await w.sb.admin.uninstallApp(w.portalId, w.appId, { clean: true })).toBe(true)
    const [u] = posts('/uninstall')
    expect(u.body).toMatchObject({
      event: 'ONAPPUNINSTALL',
      data: { CLEAN: '1' },
      auth: { application_token: w.applicationToken },
    })
    expect((u.body.auth as Record<string, unknown>).access_token).toBeUndefined()
    const r = await fetch(`${String(w.tokens.client_endpoint)}profile?auth=${String(w.tokens.access_token)}`)
    expect([r.status, ((await r.json()) as { error?: string }).error]).toEqual([401, 'invalid_token'])
    expect((await fails(w.b24, 'profile')).code).toBe('JSSDK_UNKNOWN_ERROR')
    expect(w.sb.admin.placements(w.portalId).filter((p) => p.appId === w.appId)).toEqual([])
  })
})
