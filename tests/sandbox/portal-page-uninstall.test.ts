// Uninstalling the app from the portal page's Market, as Bitrix24 does it: only an administrator may;
// the app's access is revoked before ONAPPUNINSTALL reaches its handler (no tokens in the event, the
// old token already refused), its handlers are gone; installing again is a new install that works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventsOf, postForm, startPageWorld, type PageWorld } from './portal-page-world.ts'

let w: PageWorld
/** app.info with the app's original access token, asked by its handler when ONAPPUNINSTALL arrived */
let tokenStatusAtUninstall: number | null = null
const installed = () => Boolean(w.sb.runtime.world.state(w.portalId)!.installFor(w.appId))
const appInfo = (token: unknown) => fetch(`${w.origin}/rest/app.info?auth=${String(token)}`)

beforeAll(async () => {
  w = await startPageWorld()
  w.rx.onPost = async (r) => {
    if ((r.body as { event?: string }).event === 'ONAPPUNINSTALL')
      tokenStatusAtUninstall = (await appInfo(w.tokens.access_token)).status
  }
})
afterAll(async () => w.close())

describe('uninstalling from the Market (d)', () => {
  it('the Market offers "Удалить" for an installed app', async () => {
    const html = await (await fetch(`${w.origin}/marketplace/`)).text()
    expect(html).toContain(`data-uninstall="${w.appId}"`)
    expect(html).toContain(`action="/marketplace/uninstall/${w.appId}/"`)
    expect(html).toContain('удалить и данные приложения')
  })

  it('refuses a person who is not an administrator, and an unknown app; nothing changes', async () => {
    const notAdmin = await postForm(`${w.origin}/marketplace/uninstall/${w.appId}/?user=${w.managerId}`, {})
    expect(notAdmin.status).toBe(403)
    expect(await notAdmin.text()).toContain('Удалять приложения может только администратор портала')
    const unknown = await postForm(`${w.origin}/marketplace/uninstall/999/`, {})
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('Приложение #999 не найдено')
    expect(installed()).toBe(true)
    expect((await appInfo(w.tokens.access_token)).status).toBe(200)
    expect(await eventsOf(w)).toHaveLength(0)
  })

  it('revokes the access first, then sends ONAPPUNINSTALL without tokens, with CLEAN', async () => {
    const res = await postForm(`${w.origin}/marketplace/uninstall/${w.appId}/?user=1`, { clean: 'Y' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/marketplace/?uninstalled=${w.appId}&user=1`)
    expect(installed()).toBe(false)
    const events = await eventsOf(w, 'ONAPPUNINSTALL')
    expect(events).toHaveLength(1)
    expect(events[0].data).toEqual({ LANGUAGE_ID: 'ru', CLEAN: '1' })
    expect(events[0].auth.application_token).toBe(w.applicationToken)
    expect(events[0].auth).not.toHaveProperty('access_token')
    expect(events[0].auth).not.toHaveProperty('refresh_token')
    expect(tokenStatusAtUninstall).toBe(401)
    const page = await (await fetch(`${w.origin}${res.headers.get('location')}`)).text()
    expect(page).toContain('Приложение «Контроль дебиторки» удалено')
    expect(page).toContain(`data-install="${w.appId}"`)
    // its handlers went with it: a change on the portal reaches the app no more
    await w.sb.admin.call(w.portalId, 'crm.item.add', { entityTypeId: w.spa.entityTypeId, fields: { title: 'x' } })
    expect(await eventsOf(w, 'ONCRMDYNAMICITEMADD')).toHaveLength(0)
  })

  it('refuses to uninstall an app that is not installed', async () => {
    const res = await postForm(`${w.origin}/marketplace/uninstall/${w.appId}/?user=1`, {})
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Приложение «Контроль дебиторки» не установлено')
  })

  it('installs again from the Market: a new ONAPPINSTALL with a new application token and working tokens', async () => {
    w.rx.received.length = 0
    const res = await fetch(`${w.origin}/marketplace/install/${w.appId}/`, { method: 'POST', redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(installed()).toBe(true)
    await w.sb.admin.flush()
    const install = w.rx.received.find((r) => r.path === '/install-event')!
    expect(install.body.event).toBe('ONAPPINSTALL')
    const auth = install.body.auth as Record<string, string>
    expect(auth.application_token).not.toBe(w.applicationToken)
    // raw REST: the sandbox clock is pinned, so the SDK would judge these tokens by the machine's clock
    const info = async () => (await (await appInfo(auth.access_token)).json()) as { result: { INSTALLED: boolean } }
    expect((await info()).result.INSTALLED).toBe(false)
    w.sb.admin.finishInstall(w.portalId, w.appId)
    expect((await info()).result.INSTALLED).toBe(true)
    expect((await appInfo(w.tokens.access_token)).status).toBe(401)
    const html = await (await fetch(`${w.origin}/marketplace/`)).text()
    expect(html).toContain(`data-uninstall="${w.appId}"`)
  })
})
