// Basic conformance of the application-context methods the app calls at install time and from
// robots: events, placements, robots, bizproc.event.send, batch. (The stricter rules of events and
// batch are part B's conformance files; these only check the documented shapes.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, setup, type World } from '../harness.ts'

let w: World
beforeAll(async () => {
  w = await setup()
})
afterAll(async () => w.close())

const ROBOT = {
  CODE: 'conf_robot',
  NAME: { en: 'Conformance' },
  PROPERTIES: { amount: { Name: 'Amount', Type: 'double' } },
  RETURN_PROPERTIES: { ok: { Name: 'OK', Type: 'bool' } },
}

describe('basic conformance: application context', () => {
  it('event.bind: answers true (api-reference/events/event-bind.md)', async () => {
    expect(await call(w.b24, 'event.bind', { event: 'ONCRMDYNAMICITEMADD', handler: `${w.rx.url}/e` })).toBe(true)
  })

  it('event.get: lists { event, handler, auth_type, offline } (api-reference/events/event-get.md)', async () => {
    const rows = await call(w.b24, 'event.get')
    expect(rows).toContainEqual(
      expect.objectContaining({ event: 'ONCRMDYNAMICITEMADD', handler: `${w.rx.url}/e`, offline: 0 }),
    )
  })

  it('event.unbind: answers { count } (api-reference/events/event-unbind.md)', async () => {
    await call(w.b24, 'event.bind', { event: 'ONTASKADD', handler: `${w.rx.url}/t` })
    expect(await call(w.b24, 'event.unbind', { event: 'ONTASKADD', handler: `${w.rx.url}/t` })).toEqual({ count: 1 })
  })

  it('placement.bind: answers true (api-reference/widgets/placement-bind.md)', async () => {
    expect(
      await call(w.b24, 'placement.bind', {
        PLACEMENT: 'CRM_COMPANY_DETAIL_TAB',
        HANDLER: `${w.rx.url}/p`,
        TITLE: 'T',
      }),
    ).toBe(true)
  })

  it('placement.get: lists { placement, handler, title } (api-reference/widgets/placement-get.md)', async () => {
    const rows = await call(w.b24, 'placement.get')
    expect(rows).toContainEqual(
      expect.objectContaining({ placement: 'CRM_COMPANY_DETAIL_TAB', handler: `${w.rx.url}/p` }),
    )
  })

  it('placement.unbind: answers { count } (api-reference/widgets/placement-unbind.md)', async () => {
    expect(
      await call(w.b24, 'placement.unbind', { PLACEMENT: 'CRM_COMPANY_DETAIL_TAB', HANDLER: `${w.rx.url}/p` }),
    ).toEqual({ count: 1 })
  })

  it('bizproc.robot.add: answers true; the same CODE again is ERROR_ACTIVITY_ALREADY_INSTALLED (api-reference/bizproc/bizproc-robot/bizproc-robot-add.md)', async () => {
    expect(await call(w.b24, 'bizproc.robot.add', { ...ROBOT, HANDLER: `${w.rx.url}/robots/conf` })).toBe(true)
    expect((await fails(w.b24, 'bizproc.robot.add', { ...ROBOT, HANDLER: `${w.rx.url}/robots/conf` })).code).toBe(
      'ERROR_ACTIVITY_ALREADY_INSTALLED',
    )
  })

  it('bizproc.robot.list: answers the codes (api-reference/bizproc/bizproc-robot/bizproc-robot-list.md)', async () => {
    expect(await call(w.b24, 'bizproc.robot.list')).toContain('conf_robot')
  })

  it('bizproc.robot.update: answers true (api-reference/bizproc/bizproc-robot/bizproc-robot-update.md)', async () => {
    expect(await call(w.b24, 'bizproc.robot.update', { CODE: 'conf_robot', FIELDS: { NAME: { en: 'Renamed' } } })).toBe(
      true,
    )
  })

  it('bizproc.robot.delete: answers true and the code is gone (api-reference/bizproc/bizproc-robot/bizproc-robot-delete.md)', async () => {
    expect(await call(w.b24, 'bizproc.robot.delete', { CODE: 'conf_robot' })).toBe(true)
    expect(await call(w.b24, 'bizproc.robot.list')).not.toContain('conf_robot')
  })

  it('bizproc.event.send: an unknown event token is refused with 403 ACCESS_DENIED (api-reference/bizproc/bizproc-robot/bizproc-event-send.md)', async () => {
    expect(
      await fails(w.b24, 'bizproc.event.send', { event_token: 'no-such|token', return_values: { ok: true } }),
    ).toEqual({ code: 'ACCESS_DENIED', status: 403 })
  })

  it('batch: named commands answer result/result_error/result_total (settings/how-to-call-rest-api/batch.md)', async () => {
    const r = await call(w.b24, 'batch', { halt: 0, cmd: { me: 'profile', bad: 'no.such.method' } })
    expect(r.result.me).toMatchObject({ ID: '1' })
    expect(Object.keys(r.result_error)).toEqual(['bad'])
  })
})
