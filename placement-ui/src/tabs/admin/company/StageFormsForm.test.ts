import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import type { Api } from '../../../app/api.ts'
import StageFormsForm from './StageFormsForm.vue'

describe('StageFormsForm', () => {
  it('lists the variables, uploads a file as base64 and shows it on its stage', async () => {
    const puts: { path: string; body: unknown }[] = []
    const api = (async (path: string, init?: { method?: string; body?: unknown }) => {
      if (init?.method === 'PUT') {
        puts.push({ path, body: init.body })
        return { templates: [{ stage: 'CLAIM_SENT', fileName: 'claim.docx', kind: 'docx' }] } as never
      }
      return { templates: [], variables: ['debtor', 'principal'] } as never
    }) as Api
    const w = mount(StageFormsForm, {
      props: { api, lang: 'en', failed: (e) => String(e), download: async () => {} },
      global: { plugins: [b24UiPlugin] },
    })
    await flushPromises()
    expect(w.text()).toContain('{{debtor}}, {{principal}}')
    expect(w.find('[data-testid="stage-form-CLAIM_SENT"]').text()).toContain('no form')
    const input = w.find('[data-testid="stage-form-file-CLAIM_SENT"]')
    const file = new File([new Uint8Array([80, 75, 3, 4, 1])], 'claim.docx')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await flushPromises()
    expect(puts).toEqual([
      { path: '/admin/stage-templates/CLAIM_SENT', body: { fileName: 'claim.docx', data: 'UEsDBAE=' } },
    ])
    expect(w.find('[data-testid="stage-form-CLAIM_SENT"]').text()).toContain('claim.docx')
  })
})
