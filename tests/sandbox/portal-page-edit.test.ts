// A person moves a smart-process item's stage and edits its fields in the portal page's card: the
// change is stored through crm.item.update as that person and ONCRMDYNAMICITEMUPDATE goes out with
// their user_id; bad input is refused with a message, writes nothing and sends nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { call } from './harness.ts'
import { eventsOf, postForm, startPageWorld, type PageWorld } from './portal-page-world.ts'

let w: PageWorld
let itemId: number
let card: string
const stored = () => structuredClone(w.sb.runtime.world.state(w.portalId)!.items(w.spa.entityTypeId).get(itemId))
const camel = (upper: string) => upper.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
const item = async () =>
  (await call(w.b24, 'crm.item.get', { entityTypeId: w.spa.entityTypeId, id: itemId })).item as Record<string, unknown>

beforeAll(async () => {
  w = await startPageWorld()
  const added = await call(w.b24, 'crm.item.add', {
    entityTypeId: w.spa.entityTypeId,
    fields: { title: 'Счёт 17', [w.uf.amount]: '1000|RUB', [w.uf.dueDate]: '2026-03-10' },
  })
  itemId = added.item.id
  card = `${w.origin}/crm/type/${w.spa.entityTypeId}/details/${itemId}/`
})
afterAll(async () => w.close())
beforeEach(async () => {
  await w.sb.admin.flush()
  w.rx.received.length = 0
})

describe('the General tab of an item card', () => {
  it('shows the stage bar and the editable fields with their current values', async () => {
    const html = await (await fetch(`${card}?user=${w.managerId}`)).text()
    expect(html).toContain('Номер судебного дела')
    expect(html).toContain(`data-field="${w.uf.amount}"`)
    expect(html).toMatch(new RegExp(`data-field="${w.uf.amount}"[^>]*value="1000"`))
    expect(html).toMatch(new RegExp(`data-field="${w.uf.dueDate}"[^>]*value="2026-03-10"`))
    expect(html).toMatch(/name="stageId" value="[^"]+:NEW" class="stage on"/)
    expect(html).toContain('Сохранить')
  })
})

describe('editing fields (b)', () => {
  it('stores the court case number, the amount and the due date as the person, and sends the update event', async () => {
    const res = await postForm(`${card}?user=${w.managerId}`, {
      [`f[${w.uf.caseNo}]`]: 'А40-123456/2025',
      [`f[${w.uf.amount}]`]: '1 500,50',
      [`f[${w.uf.dueDate}]`]: '2026-04-01',
      'f[TITLE]': 'Счёт 17',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(
      `/crm/type/${w.spa.entityTypeId}/details/${itemId}/?tab=0&saved=1&user=${w.managerId}`,
    )
    const it = await item()
    expect(it[camel(w.uf.caseNo)]).toBe('А40-123456/2025')
    expect(it[camel(w.uf.amount)]).toBe('1500.50|RUB')
    expect(String(it[camel(w.uf.dueDate)]).slice(0, 10)).toBe('2026-04-01')
    expect(it.title).toBe('Счёт 17')
    expect(it.updatedBy).toBe(w.managerId)
    const events = await eventsOf(w)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      event: 'ONCRMDYNAMICITEMUPDATE',
      data: { FIELDS: { ID: String(itemId), ENTITY_TYPE_ID: String(w.spa.entityTypeId) } },
      auth: { user_id: String(w.managerId), application_token: w.applicationToken },
    })
    const page = await (await fetch(`${w.origin}${res.headers.get('location')}`)).text()
    expect(page).toContain('Изменения сохранены')
    expect(page).toMatch(new RegExp(`data-field="${w.uf.amount}"[^>]*value="1500.50"`))
  })

  it('saves nothing and sends nothing when no field changed', async () => {
    const before = stored()
    const res = await postForm(`${card}?user=${w.managerId}`, { [`f[${w.uf.caseNo}]`]: 'А40-123456/2025' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('unchanged=1')
    expect(stored()).toEqual(before)
    expect(await eventsOf(w)).toHaveLength(0)
  })

  it.each([
    ['a negative amount', { amount: '-5' }, 'сумма не может быть отрицательной'],
    ['an absurd amount', { amount: '99999999999999' }, 'больше допустимой'],
    ['an amount that is no number', { amount: '12abc' }, '— не сумма'],
    ['an impossible date', { dueDate: '2026-02-30' }, '— не дата'],
    ['a field the card does not have', { nope: 'x' }, 'нет в карточке'],
  ])('refuses %s with a message, changes nothing, sends nothing', async (_name, input, message) => {
    const before = stored()
    const form: Record<string, string> = { [`f[${w.uf.caseNo}]`]: 'А40-999999/2026' }
    for (const [k, v] of Object.entries(input))
      form[`f[${k === 'nope' ? `UF_CRM_${w.spa.id}_NOPE` : w.uf[k as 'amount' | 'dueDate']}]`] = v
    const res = await postForm(`${card}?user=${w.managerId}`, form)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain(message)
    // the typed values are kept in the form
    expect(html).toContain('А40-999999/2026')
    expect(stored()).toEqual(before)
    expect(await eventsOf(w)).toHaveLength(0)
  })

  it('refuses an unknown item and an unknown smart process with 404', async () => {
    const form = { [`f[${w.uf.caseNo}]`]: 'x' }
    const noItem = await postForm(`${w.origin}/crm/type/${w.spa.entityTypeId}/details/99999/`, form)
    expect(noItem.status).toBe(404)
    expect(await noItem.text()).toContain('Элемент #99999 не найден')
    const noType = await postForm(`${w.origin}/crm/type/9999/details/${itemId}/`, form)
    expect(noType.status).toBe(404)
    expect(await noType.text()).toContain('Смарт-процесс 9999 не найден')
    expect(await eventsOf(w)).toHaveLength(0)
  })
})

describe('moving the stage (a)', () => {
  it('moves the item to the clicked stage as the person, with the update event', async () => {
    const html = await (await fetch(`${card}?user=${w.managerId}`)).text()
    const stages = [...html.matchAll(/name="stageId" value="([^"]+)"/g)].map((m) => m[1])
    expect(stages.length).toBeGreaterThan(2)
    const target = stages[1]
    const res = await postForm(`${card}stage/?user=${w.managerId}`, { stageId: target })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('moved=1')
    const it = await item()
    expect(it.stageId).toBe(target)
    expect(it.previousStageId).toBe(stages[0])
    expect(it.movedBy).toBe(w.managerId)
    const events = await eventsOf(w, 'ONCRMDYNAMICITEMUPDATE')
    expect(events).toHaveLength(1)
    expect(events[0].auth.user_id).toBe(String(w.managerId))
    const after = await (await fetch(`${w.origin}${res.headers.get('location')}`)).text()
    expect(after).toContain('Стадия изменена')
    expect(after).toContain(`value="${target}" class="stage on"`)
  })

  it('refuses a stage that is not in the item pipeline and changes nothing', async () => {
    const before = stored()
    const res = await postForm(`${card}stage/?user=${w.managerId}`, { stageId: 'DT999_1:NOPE' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Стадии «DT999_1:NOPE» нет в воронке этого элемента')
    expect(stored()).toEqual(before)
    expect(await eventsOf(w)).toHaveLength(0)
  })
})
