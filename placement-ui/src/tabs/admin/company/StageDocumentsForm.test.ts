import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import type { Api } from '../../../app/api.ts'
import StageDocumentsForm from './StageDocumentsForm.vue'

const DOCS = ['first-notice', 'claim-letter', 'settlement-schedule', 'statement-of-claim']

describe('StageDocumentsForm', () => {
  it('shows what is stored and saves the ticked documents per stage', async () => {
    const puts: unknown[] = []
    const api = (async (path: string, init?: { method?: string; body?: unknown }) => {
      if (init?.method === 'PUT') {
        puts.push(init.body)
        return { ...(init.body as object), documents: DOCS } as never
      }
      expect(path).toBe('/admin/stage-requirements')
      return { requirements: { COURT_PREP: ['statement-of-claim'] }, documents: DOCS } as never
    }) as Api
    const w = mount(StageDocumentsForm, {
      props: { api, lang: 'ru', failed: (e) => String(e) },
      global: { plugins: [b24UiPlugin] },
    })
    await flushPromises()
    const box = (id: string) => w.find<HTMLInputElement>(`input[type="checkbox"][data-testid="${id}"]`)
    expect(box('stage-doc-COURT_PREP-statement-of-claim').element.checked).toBe(true)
    expect(box('stage-doc-CLAIM_SENT-claim-letter').element.checked).toBe(false)
    await box('stage-doc-CLAIM_SENT-claim-letter').setValue(true)
    await w.find('[data-testid="stage-docs-save"]').trigger('click')
    await flushPromises()
    expect(puts).toEqual([{ requirements: { CLAIM_SENT: ['claim-letter'], COURT_PREP: ['statement-of-claim'] } }])
    expect(w.find('[data-testid="stage-docs-saved"]').text()).toBe('Сохранено')
    expect(w.find('[data-testid="stage-docs-CLAIM_SENT"]').text()).toContain('Претензия направлена')
  })

  it('shows the server refusal', async () => {
    const api = (async (_p: string, init?: { method?: string }) => {
      if (init?.method === 'PUT') throw new Error('CLAIM_SENT: unknown document')
      return { requirements: {}, documents: DOCS } as never
    }) as Api
    const w = mount(StageDocumentsForm, {
      props: { api, lang: 'en', failed: (e) => (e as Error).message },
      global: { plugins: [b24UiPlugin] },
    })
    await flushPromises()
    await w.find('[data-testid="stage-docs-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="stage-docs-error"]').text()).toContain('unknown document')
  })
})
