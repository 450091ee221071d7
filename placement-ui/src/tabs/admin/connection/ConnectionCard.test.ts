import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../../app/api.ts'
import type { ConnectionDto } from '../../../../../contracts/connection.ts'
import { translator } from '../../../app/i18n.ts'
import { dict as adminDict } from '../i18n.ts'
import { connectionDict } from './connection-i18n.ts'
import ConnectionCard from './ConnectionCard.vue'

const base: ConnectionDto = {
  status: 'active',
  reason: null,
  domain: 'demo.bitrix24.ru',
  appVersion: '3',
  licence: null,
  currentVersion: '3',
  outdated: false,
  plan: { count: 0, operations: [], error: null, checkedAt: '2026-12-04T10:00:00.000Z' },
  hint: null,
}

function mountCard(views: ConnectionDto[], lang: 'ru' | 'en' = 'ru', applyFails = false) {
  const calls: string[] = []
  const bodies: unknown[] = []
  let i = 0
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    calls.push(`${init.body === undefined ? 'GET' : 'POST'} ${path}`)
    if (init.body !== undefined) bodies.push(init.body)
    if (path === '/admin/connection/reconnect') {
      if ((init.body as { refreshToken: string }).refreshToken !== 'frame-refresh')
        throw new ApiCallError(409, 'connection.refused', 'The portal did not confirm the reconnection')
      return base
    }
    if (path === '/admin/connection' || path === '/admin/connection/check')
      return views[Math.min(i++, views.length - 1)]
    if (path === '/install/apply') {
      if (applyFails) throw new ApiCallError(502, 'b24.error', 'event.bind: ACCESS_DENIED')
      return { steps: ['events', 'placements'], operations: [{}, {}] }
    }
    throw new ApiCallError(404, 'x', 'x')
  }) as Api
  // the admin page passes its own words only (no lang): the card finds the language from them
  const t = translator(adminDict, lang) as never
  const token = { value: 'frame-refresh' as string | null }
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(ConnectionCard, {
            api,
            t,
            failed: (e: unknown) => (e as Error).message,
            refreshToken: async () => token.value,
          }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, calls, bodies, token }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('connection card', () => {
  it('has the same words in ru and en', () => {
    expect(Object.keys(connectionDict.en).sort()).toEqual(Object.keys(connectionDict.ru).sort())
  })

  it("disconnected: the reason and the reconnect hint in the user's language", async () => {
    const { w } = mountCard([
      {
        ...base,
        status: 'disconnected',
        reason: 'invalid_grant',
        hint: 'reinstall-from-market',
        plan: { ...base.plan, checkedAt: null },
      },
    ])
    await flushPromises()
    expect(byId(w, 'connection-reason').text()).toContain('переустановите приложение из Маркета')
    expect(byId(w, 'plan-apply').exists()).toBe(false)
    w.unmount()
  })

  it("reconnect hands the frame's refresh token to the server; a refusal says why", async () => {
    const down: ConnectionDto = {
      ...base,
      status: 'disconnected',
      reason: 'invalid_grant',
      hint: 'reinstall-from-market',
    }
    const { w, calls, bodies, token } = mountCard([down])
    await flushPromises()
    token.value = 'stale'
    await byId(w, 'connection-reconnect').trigger('click')
    await flushPromises()
    expect(byId(w, 'repair-outcome').text()).toBe(
      'Переподключить не удалось: The portal did not confirm the reconnection',
    )
    token.value = 'frame-refresh'
    await byId(w, 'connection-reconnect').trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.includes('reconnect'))).toEqual([
      'POST /admin/connection/reconnect',
      'POST /admin/connection/reconnect',
    ])
    expect(bodies.at(-1)).toEqual({ refreshToken: 'frame-refresh' })
    expect(byId(w, 'connection-status').text()).toBe('Подключено')
    expect(byId(w, 'plan-empty').exists()).toBe(true)
    w.unmount()
  })

  it('broken: repair runs the install apply, shows the outcome and the portal as it is now', async () => {
    const broken: ConnectionDto = {
      ...base,
      hint: 'repair',
      plan: {
        ...base.plan,
        count: 2,
        operations: ['create event ONCRMDYNAMICITEMUPDATE', 'create placement CRM_COMPANY_DETAIL_TAB'],
      },
    }
    const { w, calls } = mountCard([broken, base])
    await flushPromises()
    expect(byId(w, 'connection-hint').text()).toContain('Восстановить')
    await byId(w, 'plan-apply').trigger('click')
    await flushPromises()
    expect(calls).toEqual(['GET /admin/connection', 'POST /install/apply', 'GET /admin/connection'])
    expect(byId(w, 'repair-outcome').text()).toContain('Подключение восстановлено, изменений в портале: 2')
    expect(byId(w, 'repair-steps').text()).toBe('events → placements')
    expect(byId(w, 'plan-empty').exists()).toBe(true)
    expect(byId(w, 'plan-apply').exists()).toBe(false)
    w.unmount()
  })

  it('a failed repair says why; an outdated portal offers the repair; check now forces the check (en)', async () => {
    const { w, calls } = mountCard([{ ...base, appVersion: '2', outdated: true, hint: 'repair' }], 'en', true)
    await flushPromises()
    expect(byId(w, 'connection-outdated').text()).toBe('The portal was set up by version 2; the app is version 3.')
    await byId(w, 'plan-apply').trigger('click')
    await flushPromises()
    expect(byId(w, 'repair-outcome').text()).toContain('The repair failed: event.bind: ACCESS_DENIED')
    await byId(w, 'connection-check').trigger('click')
    await flushPromises()
    expect(calls.at(-1)).toBe('POST /admin/connection/check')
    w.unmount()
  })
})
