// The invoice tab's "Invoice with QR code (PDF)" button with a fake API: the PDF the server sends is
// saved under its file name; a refusal (a missing requisite) is shown as the server words it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../../app/api.ts'
import InvoiceDownloadButton from './InvoiceDownloadButton.vue'

const pdf = Buffer.from('%PDF-1.3 test').toString('base64')

function mountIt(api: Api) {
  return mount(
    defineComponent(() => () => h(B24App, null, () => h(InvoiceDownloadButton, { api, receivableId: 42, lang: 'ru' }))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}

afterEach(() => vi.restoreAllMocks())

describe('the invoice download button', () => {
  it('asks for the invoice of its receivable and saves the PDF under the file name the server gave', async () => {
    const asked: string[] = []
    const api = (async (path: string) => {
      asked.push(path)
      return { fileName: 'invoice-T-7.pdf', pdfBase64: pdf }
    }) as Api
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob)
      return 'blob:invoice'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`)
    })
    const w = mountIt(api)
    expect(w.text()).toContain('Счёт с QR-кодом (PDF)')
    await w.find('[data-testid="download-invoice"]').trigger('click')
    await flushPromises()
    expect(asked).toEqual(['/receivables/42/invoice-pdf'])
    expect(saved).toEqual(['invoice-T-7.pdf blob:invoice'])
    expect(blobs[0]!.type).toBe('application/pdf')
    expect(await blobs[0]!.text()).toBe('%PDF-1.3 test')
    w.unmount()
  })

  it('shows the missing requisite the server names, and saves nothing', async () => {
    const api = (async () => {
      throw new Error('Счёт не сформирован: не заполнено поле «расчётный счёт»')
    }) as Api
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    const w = mountIt(api)
    await w.find('[data-testid="download-invoice"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="invoice-problem"]').text()).toContain('«расчётный счёт»')
    expect(click).not.toHaveBeenCalled()
    w.unmount()
  })
})
