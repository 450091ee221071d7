// A person creates a smart-process item (an invoice of Receivables) from the portal page: the list's
// "Создать" opens details/0/, the form goes through crm.item.add as that person and
// ONCRMDYNAMICITEMADD goes out with their user_id; bad input adds nothing and sends nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { call } from './harness.ts'
import { eventsOf, postForm, startPageWorld, type PageWorld } from './portal-page-world.ts'

let w: PageWorld
let newForm: string
const items = () => w.sb.runtime.world.state(w.portalId)!.items(w.spa.entityTypeId).values()

beforeAll(async () => {
  w = await startPageWorld()
  newForm = `${w.origin}/crm/type/${w.spa.entityTypeId}/details/0/`
})
afterAll(async () => w.close())
beforeEach(async () => {
  await w.sb.admin.flush()
  w.rx.received.length = 0
})

describe('creating an item (c)', () => {
  it('the list offers "Создать", which opens the empty form', async () => {
    const list = await (await fetch(`${w.origin}/crm/type/${w.spa.entityTypeId}/?user=${w.managerId}`)).text()
    expect(list).toContain(`href="/crm/type/${w.spa.entityTypeId}/details/0/?user=${w.managerId}"`)
    const form = await fetch(`${newForm}?user=${w.managerId}`)
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('Дебиторка: новый элемент')
    expect(html).toContain(`name="f[${w.uf.amount}]"`)
    expect(html).toContain('data-action="create"')
  })

  it('adds the invoice as the person and sends ONCRMDYNAMICITEMADD', async () => {
    const res = await postForm(`${newForm}?user=${w.managerId}`, {
      'f[TITLE]': 'Счёт 42 от 02.03.2026',
      [`f[${w.uf.amount}]`]: '250000',
      [`f[${w.uf.dueDate}]`]: '01.04.2026',
      [`f[${w.uf.caseNo}]`]: '',
    })
    expect(res.status).toBe(303)
    const [added] = items()
    expect(res.headers.get('location')).toBe(
      `/crm/type/${w.spa.entityTypeId}/details/${added.id}/?tab=0&created=1&user=${w.managerId}`,
    )
    const { item } = await call(w.b24, 'crm.item.get', { entityTypeId: w.spa.entityTypeId, id: added.id })
    expect(item).toMatchObject({
      title: 'Счёт 42 от 02.03.2026',
      [`ufCrm${w.spa.id}Amount`]: '250000|RUB',
      createdBy: w.managerId,
      assignedById: w.managerId,
      stageId: expect.stringMatching(/:NEW$/),
    })
    expect(String(item[`ufCrm${w.spa.id}DueDate`]).slice(0, 10)).toBe('2026-04-01')
    const events = await eventsOf(w)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      event: 'ONCRMDYNAMICITEMADD',
      data: { FIELDS: { ID: String(added.id), ENTITY_TYPE_ID: String(w.spa.entityTypeId) } },
      auth: { user_id: String(w.managerId), application_token: w.applicationToken },
    })
    const card = await (await fetch(`${w.origin}${res.headers.get('location')}`)).text()
    expect(card).toContain('Элемент создан')
  })

  it.each([
    ['an absurd amount', { amount: '5000000000000' }, 'больше допустимой'],
    ['a negative amount', { amount: '-1' }, 'не может быть отрицательной'],
    ['an impossible date', { dueDate: '31.02.2026' }, '— не дата'],
  ])('refuses %s: nothing added, nothing sent, the form keeps what was typed', async (_n, input, message) => {
    const before = items().length
    const form: Record<string, string> = { 'f[TITLE]': 'Счёт-ошибка' }
    for (const [k, v] of Object.entries(input)) form[`f[${w.uf[k as 'amount' | 'dueDate']}]`] = v
    const res = await postForm(`${newForm}?user=${w.managerId}`, form)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(message)
    expect(html).toContain('value="Счёт-ошибка"')
    expect(items()).toHaveLength(before)
    expect(await eventsOf(w)).toHaveLength(0)
  })

  it('refuses an unknown smart process and an unknown person', async () => {
    const before = items().length
    const noType = await postForm(`${w.origin}/crm/type/9999/details/0/`, { 'f[TITLE]': 'x' })
    expect(noType.status).toBe(404)
    expect(await noType.text()).toContain('Смарт-процесс 9999 не найден')
    const nobody = await postForm(`${newForm}?user=77`, { 'f[TITLE]': 'x' })
    expect(nobody.status).toBe(403)
    expect(await nobody.text()).toContain('Пользователь 77 не найден')
    expect(items()).toHaveLength(before)
    expect(await eventsOf(w)).toHaveLength(0)
  })
})
