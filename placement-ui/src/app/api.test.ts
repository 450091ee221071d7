import { describe, expect, it } from 'vitest'
import { createApi, ApiCallError } from './api.ts'
import { pickLang, shared, translator } from './i18n.ts'

function frame() {
  let token = 'old'
  return {
    memberId: 'm1',
    domain: 'p.example',
    accessToken: () => token,
    refresh: async () => {
      token = 'new'
      return token
    },
  }
}

describe('api client', () => {
  it('refreshes the portal token once on 401 and retries', async () => {
    const seen: string[] = []
    const fetchFn = (async (_url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).authorization
      seen.push(auth)
      return new Response(
        JSON.stringify(auth === 'Bearer new' ? { ok: 1 } : { error: 'auth.invalid-token', message: 'x' }),
        { status: auth === 'Bearer new' ? 200 : 401 },
      )
    }) as typeof fetch
    expect(await createApi(frame(), fetchFn)('/whoami')).toEqual({ ok: 1 })
    expect(seen).toEqual(['Bearer old', 'Bearer new'])
  })

  it('answers a prefetched GET once from the early request; a second call or a POST asks again', async () => {
    const seen: string[] = []
    const fetchFn = (async (url: string, init: RequestInit) => {
      seen.push(`${init.method} ${url}`)
      return new Response(JSON.stringify({ n: seen.length }), { status: 200 })
    }) as typeof fetch
    const api = createApi(frame(), fetchFn)
    api.prefetch?.('/summary')
    api.prefetch?.('/summary') // already started: not asked twice
    expect(seen).toEqual(['GET /api/summary'])
    expect(await api('/summary')).toEqual({ n: 1 })
    expect(await api('/summary', { body: {} })).toEqual({ n: 2 })
    expect(await api('/summary')).toEqual({ n: 3 })
    expect(seen).toEqual(['GET /api/summary', 'POST /api/summary', 'GET /api/summary'])
  })

  it('turns a 4xx into an ApiCallError with the server message', async () => {
    const fetchFn = (async () =>
      new Response(JSON.stringify({ error: 'payment.amount-invalid', message: 'Amount must be positive' }), {
        status: 400,
      })) as typeof fetch
    await expect(createApi(frame(), fetchFn)('/x', { body: {} })).rejects.toMatchObject({
      status: 400,
      code: 'payment.amount-invalid',
      message: 'Amount must be positive',
    })
    expect(ApiCallError).toBeTypeOf('function')
  })

  it('says a known code in the page language with the field name and rule from params', async () => {
    const fetchFn = (async () =>
      new Response(
        JSON.stringify({
          error: 'receivable.invalid-date',
          message: 'paidOn cannot be in the future',
          params: { field: 'paidOn', rule: 'future' },
        }),
        { status: 400 },
      )) as typeof fetch
    await expect(createApi(frame(), fetchFn, 'ru')('/x', { body: {} })).rejects.toMatchObject({
      code: 'receivable.invalid-date',
      message: 'Поле «дата оплаты»: дата не может быть в будущем',
    })
    await expect(createApi(frame(), fetchFn, 'en')('/x', { body: {} })).rejects.toMatchObject({
      message: '"payment date" cannot be in the future',
    })
  })

  it('never shows English words of an unknown code in a Russian page', async () => {
    const fetchFn = (async () =>
      new Response(JSON.stringify({ error: 'x.unknown', message: 'Something odd' }), { status: 409 })) as typeof fetch
    await expect(createApi(frame(), fetchFn, 'ru')('/x')).rejects.toMatchObject({
      message: 'Запрос не выполнен (код x.unknown)',
    })
  })
})

describe('i18n', () => {
  it('has the same keys in ru and en', () => {
    expect(Object.keys(shared.ru).sort()).toEqual(Object.keys(shared.en).sort())
  })
  it('picks the language and fills variables', () => {
    expect(pickLang(null, 'ru-RU')).toBe('ru')
    expect(pickLang(undefined, 'de')).toBe('en')
    const t = translator({ ru: { due: 'через {n} дн.' }, en: { due: 'in {n} days' } }, 'ru')
    expect(t('due', { n: 3 })).toBe('через 3 дн.')
  })
})
