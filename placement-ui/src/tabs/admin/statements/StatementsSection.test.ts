// The upload result of the Statements section: parser warnings as codes shown by line number in the
// page's language, the balance check in words, and a statement whose balances fail held for review
// with "accept all" (and "accept" on each held line).
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../../app/api.ts'
import type { Upload } from '../../../app/upload.ts'
import { translator } from '../../../app/i18n.ts'
import { dict, type AdminT } from '../i18n.ts'
import type { StatementImportDto, StatementLineDto } from '../../../../../contracts/statements.ts'
import StatementsSection from './StatementsSection.vue'

const held: StatementImportDto = {
  id: 7,
  fileName: 'bad.sta',
  format: 'mt940',
  status: 'done',
  uploadedBy: 'user:1',
  createdAt: '2024-12-02T10:00:00.000Z',
  documents: 1,
  incoming: 1,
  outgoing: 0,
  duplicates: 0,
  processed: 1,
  matched: 0,
  review: 1,
  balances: [
    {
      account: '40702810900000012345',
      ok: false,
      difference: -1,
      message: 'x',
      statement: 1,
      code: 'balances.mismatch',
      params: {
        account: '40702810900000012345',
        opening: 0,
        incoming: 150_000,
        outgoing: 0,
        computed: 150_000,
        closing: 150_001,
      },
    },
  ],
  warnings: [{ code: 'inn-invalid', line: 6, params: { inn: '7707083894' } }],
  balancesFailed: true,
  error: null,
}
const line: StatementLineDto = {
  id: 31,
  importId: 7,
  docNumber: 'A-512',
  valueDate: '2024-12-02',
  amount: 150_000,
  payerName: 'ООО Ромашка',
  payerInn: '7707083893',
  purpose: 'Оплата по счету № 101',
  status: 'review',
  rule: null,
  reason: 'balance-mismatch',
  candidates: [],
  allocations: [],
  duplicateOf: null,
}

function mountSection(lang: 'ru' | 'en', refuse?: ApiCallError) {
  const calls: string[] = []
  const bodies: unknown[] = []
  let waiting = [line]
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    calls.push(`${init.method ?? 'GET'} ${path}`)
    if (init.body !== undefined) bodies.push(init.body)
    if (path === '/statements') return { imports: [held], waiting: waiting.length, canResolve: true }
    if (path.startsWith('/statement-review?')) return { lines: waiting, waiting: waiting.length }
    if (path === '/statements/7/accept' || path === '/statement-review/31/accept') {
      waiting = []
      return path === '/statements/7/accept' ? { ...held, matched: 1, review: 0 } : { ...line, status: 'matched' }
    }
    if (path.startsWith('/receivables?'))
      return {
        rows:
          new URLSearchParams(path.split('?')[1]).get('q') === 'С-1027'
            ? [{ id: 27, invoiceNumber: 'С-1027', counterpartyName: 'ООО Ромашка', remaining: 150_000 }]
            : [],
        total: 1,
      }
    if (path === '/statement-review/31/assign') {
      waiting = []
      return { ...line, status: 'matched' }
    }
    if (path === '/admin/statement-settings')
      return { stored: { notifyIds: [] }, effective: [], defaults: { chiefAccountant: null, juniorAccountant: null } }
    throw new ApiCallError(404, 'x', path)
  }) as Api
  const upload = (async () => {
    if (refuse) throw refuse
    return held
  }) as unknown as Upload
  const t = translator(dict, lang) as AdminT
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () => h(StatementsSection, { api, upload, lang, t, failed: (e: unknown) => String(e) })),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, calls, bodies }
}

async function uploadFile(w: ReturnType<typeof mountSection>['w']) {
  const input = w.find('[data-testid="statement-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'bad.sta')], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('statements section: the upload result', () => {
  it('shows warnings by line and the balance check in Russian, and holds the statement for review', async () => {
    const { w, calls } = mountSection('ru')
    await uploadFile(w)
    expect(w.find('[data-testid="statement-file-name"]').text()).toBe('bad.sta') // the chosen file, by name
    expect(w.find('[data-testid="statement-warning"]').text()).toBe(
      '⚠ строка 6: ИНН 7707083894: неверные контрольные цифры; платёж ждёт разбора, по ИНН не разносится',
    )
    expect(w.find('[data-testid="statement-balance"]').text()).toBe(
      '⚠ счёт 40702810900000012345: 0,00 + поступило 1\u00a0500,00 − списано 0,00 = 1\u00a0500,00, а исходящий остаток 1\u00a0500,01',
    )
    expect(w.find('[data-testid="statement-held"]').text()).toContain('все платежи (1) ждут разбора')
    await w.find('[data-testid="statement-accept-all"]').trigger('click')
    await flushPromises()
    expect(calls).toContain('POST /statements/7/accept')
    expect(w.find('[data-testid="review-empty"]').exists()).toBe(true)
    w.unmount()
  })

  it('in English, and a held line is accepted on its own', async () => {
    const { w, calls } = mountSection('en')
    await uploadFile(w)
    expect(w.find('[data-testid="statement-warning"]').text()).toBe(
      '⚠ line 6: INN 7707083894: wrong control digits; the payment waits for review and is not matched by INN',
    )
    expect(w.find('[data-testid="review-line-A-512"]').text()).toContain('The statement balances do not add up')
    await w.find('[data-testid="accept-A-512"]').trigger('click')
    await flushPromises()
    expect(calls).toContain('POST /statement-review/31/accept')
    w.unmount()
  })

  it('finds the invoice by its number ("С-1027", not the internal id 27) and assigns the payment to it', async () => {
    const { w, calls, bodies } = mountSection('ru')
    await flushPromises()
    await w.find('[data-testid="find-A-512"]').setValue('С-1027')
    await new Promise((r) => setTimeout(r, 300))
    await flushPromises()
    expect(calls.some((c) => c.startsWith('GET /receivables?q=%D0%A1-1027&filter=open'))).toBe(true)
    expect(w.find('[data-testid="pick-A-512"]').text()).toContain('№ С-1027 · ООО Ромашка · 1\u00a0500,00\u00a0₽')
    await w.find('[data-testid="assign-A-512"]').trigger('click')
    await flushPromises()
    expect(bodies.at(-1)).toEqual({ allocations: [{ receivableId: 27, amount: 150_000 }] })
    w.unmount()
  })

  it('a refused file is told by its code and line in the page language', async () => {
    const refuse = new ApiCallError(400, 'statement.malformed', 'XML: <Stmt> is not closed', { line: 12, params: {} })
    const { w } = mountSection('ru', refuse)
    await uploadFile(w)
    expect(w.find('[data-testid="statements-problem"]').text()).toContain('строка 12: файл нарушает структуру формата')
    w.unmount()
  })
})
