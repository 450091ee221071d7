// The collection settings section of the counterparty tab: what is set, in the page's language; the
// form saves through the server's checks (a refusal stays in the dialog, in Russian); the Telegram
// link is asked for and shown with its last day; unlinking sends only telegramChatId: null.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { apiCallError, type Api } from '../../../app/api.ts'
import type { DunningCounterpartySettingsDto } from '../../../../../contracts/dunning.ts'
import { requestOf } from '../use-collection-settings.ts'
import CollectionSettingsPanel from './CollectionSettingsPanel.vue'

const escalation = [{ id: 'e1', daysOverdue: 3, moveToOverdue: true, tasks: [], notifyHead: false, openClaim: false }]
const settings: DunningCounterpartySettingsDto = {
  inLedger: true,
  segment: 'ключевой',
  riskSegment: 'high',
  doNotDun: true,
  timezone: null,
  lang: null,
  override: { ladder: 'soft', escalation },
  telegram: { linked: true, linkedOn: '2026-12-09' },
  ladders: ['standard', 'soft'],
  segments: [],
}
const link = {
  url: 'https://t.me/rc_pay_bot?start=cp_abc',
  expiresAt: '2026-12-16T06:00:00Z',
  validUntil: '16.12.2026',
}

function fakeApi(read: DunningCounterpartySettingsDto, refuse?: (body: Record<string, unknown>) => boolean) {
  const calls: { path: string; body?: unknown }[] = []
  const api = (async (path: string, init?: { body?: unknown }) => {
    calls.push({ path, body: init?.body })
    if (init?.body === undefined) return read as never
    if (path.endsWith('/telegram-link')) return link as never
    if (refuse?.(init.body as Record<string, unknown>))
      throw apiCallError(400, { error: 'dunning.invalid-input', params: { rule: 'timezone' } }, 'ru')
    return { ok: true } as never
  }) as Api
  return { api, calls }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})
async function mountPanel(api: Api) {
  wrapper = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () => h(CollectionSettingsPanel, { api, cp: { type: 'company', id: 12 }, lang: 'ru' })),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  await flushPromises()
}
const el = <T extends Element>(sel: string) => document.querySelector<T>(sel)
const text = (id: string) => (el(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim()
const click = async (id: string) => {
  el<HTMLElement>(`[data-testid="${id}"]`)!.click()
  await flushPromises()
}
const input = async (id: string, value: string) => {
  const i = el<HTMLInputElement>(`[data-testid="${id}"]`)!
  i.value = value
  i.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('CollectionSettingsPanel', () => {
  it('shows what is set in Russian: risk, reminders off, ladder, segment, Telegram linked on a day', async () => {
    const { api, calls } = fakeApi(settings)
    await mountPanel(api)
    expect(calls[0].path).toBe('/dunning/counterparties/company/12/settings')
    expect(text('cs-risk-value')).toBe('Высокий')
    expect(text('cs-dunning-value')).toBe('не отправляются («Не напоминать»)')
    expect(text('cs-ladder-value')).toBe('«soft»')
    expect(text('cs-segment-value')).toBe('ключевой')
    expect(text('cs-lang-value')).toBe('Как в портале')
    expect(text('cs-telegram-value')).toBe('подключён 09.12.2026')
  })

  it('a counterparty without invoices says when the settings start, and offers nothing to change', async () => {
    await mountPanel(fakeApi({ ...settings, inLedger: false }).api)
    expect(text('cs-not-in-ledger')).toBe('Настройки взыскания появятся с первым счётом контрагента.')
    expect(el('[data-testid="cs-edit"]')).toBeNull()
    expect(el('[data-testid="cs-tg-link"]')).toBeNull()
  })

  it('asks for a one-time Telegram link and shows it with its last day; unlinking sends only the chat', async () => {
    const { api, calls } = fakeApi(settings)
    await mountPanel(api)
    await click('cs-tg-link')
    expect(calls.at(-1)).toEqual({ path: '/dunning/counterparties/company/12/telegram-link', body: {} })
    expect(el<HTMLInputElement>('[data-testid="cs-tg-url"]')!.value).toBe(link.url)
    expect(text('cs-tg-result')).toContain('Ссылка одноразовая, действует до 16.12.2026.')
    await click('cs-tg-unlink')
    expect(calls.at(-2)).toEqual({
      path: '/dunning/counterparties/company/12/settings',
      body: { telegramChatId: null },
    })
    expect(el('[data-testid="cs-tg-result"]')).toBeNull()
  })

  it('saves the form, keeping the escalation of the override; a refusal stays in the dialog in Russian', async () => {
    const { api, calls } = fakeApi(settings, (b) => b.timezone === 'Mars/Olympus')
    await mountPanel(api)
    await click('cs-edit')
    await input('cs-timezone', 'Mars/Olympus')
    el<HTMLFormElement>('[data-testid="collection-settings-form"]')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(text('collection-settings-problem')).toBe('Часовой пояс — например, московское время (Europe/Moscow)')
    expect(el('[data-testid="collection-settings-form"]')).not.toBeNull()
    await input('cs-timezone', ' Asia/Vladivostok ')
    el<HTMLFormElement>('[data-testid="collection-settings-form"]')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.filter((c) => c.body !== undefined).at(-1)!.body).toEqual({
      riskSegment: 'high',
      doNotDun: true,
      segment: 'ключевой',
      lang: null,
      timezone: 'Asia/Vladivostok',
      override: { ladder: 'soft', escalation },
    })
    expect(calls.at(-1)).toEqual({ path: '/dunning/counterparties/company/12/settings', body: undefined })
  })
})

describe('requestOf', () => {
  it('"by the rules" clears the field; an override without a ladder and nothing else is null', () => {
    const base = { riskSegment: 'default', doNotDun: false, segment: ' ', lang: 'en', timezone: '' } as const
    expect(requestOf({ ...base, ladder: 'default' }, { ladder: 'soft' })).toEqual({
      riskSegment: null,
      doNotDun: false,
      segment: null,
      lang: 'en',
      timezone: null,
      override: null,
    })
    expect(requestOf({ ...base, ladder: 'standard' }, null).override).toEqual({ ladder: 'standard' })
  })
})
