// A working day of people and users around the cluster: invoices created in the portal (events
// reach the app through the balancer), payments typed in our UI (/api through the balancer, with
// the user's portal token, retried by the user after a gateway error), stage moves in the portal,
// and payments recorded by the payment-record robot when an item enters "Payment check".
import type { Cluster } from './world.ts'

type Row = Record<string, unknown>

export interface UserAnswer {
  status: number
  body: string
}

export function dayDriver(c: Cluster) {
  const rec = c.state.processes.receivables!
  const field = (key: string) => rec.fields[key].restName
  const stage = (code: string) => Object.values(rec.pipelines)[0]!.stages[code]!
  const managerId = c.sb.admin.addUser(c.portalId, {
    name: 'Мария',
    lastName: 'Менеджер',
    email: 'maria@portal.test',
  }).id
  const companies = [0, 1, 2, 3].map((i) =>
    c.sb.admin.seedCompany(c.portalId, {
      TITLE: `ООО Клиент ${i}`,
      EMAIL: [{ VALUE: `buh${i}@client.test`, VALUE_TYPE: 'WORK' }],
    }),
  )
  // entering "Payment check" records 150 RUB through the robot (reference: the robot call's event token)
  c.sb.admin.setAutomation(c.portalId, rec.entityTypeId, stage('CHECK'), [
    { robot: 'payment-record', properties: { amount: '150' } },
  ])
  const tokens = new Map<number, string>()
  const tokenOf = (userId: number, fresh = false) => {
    if (fresh || !tokens.has(userId))
      tokens.set(userId, String(c.sb.admin.issueTokens(c.portalId, c.appId, userId).access_token))
    return tokens.get(userId)!
  }
  const userAnswers: UserAnswer[] = []
  let seq = 0

  // Days are the portal's own (its zone is chosen so that it is about 13:00 there): a UTC date would be
  // "tomorrow" for the portal when a run crosses UTC midnight, and the app refuses payments in the future.
  const localDay = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: c.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at)
  const dayOffset = (n: number) => localDay(new Date(Date.now() + n * 86_400_000))

  /** A person creates an invoice item in the portal; the portal sends ONCRMDYNAMICITEMADD. */
  async function createInvoice(kopecks: number, dueInDays: number, stageCode = 'AWAITING'): Promise<number> {
    const n = `MP-${++seq}`
    const { item } = (
      await c.sb.admin.call<{ item: { id: number } }>(
        c.portalId,
        'crm.item.add',
        {
          entityTypeId: rec.entityTypeId,
          fields: {
            title: n,
            companyId: companies[seq % companies.length],
            assignedById: managerId,
            stageId: stage(stageCode),
            [field('invoiceNumber')]: n,
            [field('invoiceDate')]: dayOffset(-40),
            [field('dueDate')]: dayOffset(dueInDays),
            [field('amount')]: `${kopecks / 100}|RUB`,
            [field('currency')]: 'RUB',
          },
        },
        { userId: managerId },
      )
    ).result
    return item.id
  }

  /** Seeds invoice items without events (an import the app learns of from its reconcile). */
  function seedInvoices(count: number, kopecks: number): number[] {
    return c.sb.admin.seedItems(
      c.portalId,
      rec.entityTypeId,
      Array.from({ length: count }, () => {
        const n = `MP-${++seq}`
        return {
          title: n,
          companyId: companies[seq % companies.length],
          assignedById: managerId,
          stageId: stage('AWAITING'),
          [field('invoiceNumber')]: n,
          [field('invoiceDate')]: dayOffset(-10),
          [field('dueDate')]: dayOffset(20),
          [field('amount')]: `${kopecks / 100}|RUB`,
          [field('currency')]: 'RUB',
        }
      }),
    )
  }

  async function moveStage(itemId: number, code: string): Promise<void> {
    await c.sb.admin.call(
      c.portalId,
      'crm.item.update',
      { entityTypeId: rec.entityTypeId, id: itemId, fields: { stageId: stage(code) } },
      { userId: managerId },
    )
  }

  async function receivableOf(itemId: number): Promise<number | null> {
    const rows = await c.db.query<{ id: string }>('SELECT id FROM receivables WHERE member_id = $1 AND item_id = $2', [
      c.memberId,
      itemId,
    ])
    return rows[0] ? Number(rows[0].id) : null
  }

  /** A user's call of our API from the tab (the portal admin unless `userId` says who). A gateway error,
   *  a lost database or an expired token makes them try again (same body). */
  async function api(method: string, path: string, body?: unknown, userId = 1): Promise<UserAnswer> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${tokenOf(userId)}`,
        'x-b24-member-id': c.memberId,
      }
      if (body !== undefined) headers['content-type'] = 'application/json'
      const r = await fetch(`${c.balancer.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
        .then(async (res) => ({ status: res.status, body: await res.text() }))
        .catch((e: Error) => ({ status: 0, body: e.message }))
      userAnswers.push(r)
      if (r.status >= 200 && r.status < 300) return r
      if (attempt >= 20 || (r.status >= 400 && r.status < 500 && r.status !== 401)) return r
      // the frame refreshes the user's token (refreshAuth) when the portal no longer accepts it
      if (r.status === 401) tokenOf(userId, true)
      await new Promise((res) => setTimeout(res, 300 + attempt * 200))
    }
  }
  const payFromUi = (receivableId: number, kopecks: number, ref: string) =>
    api('POST', `/api/receivables/${receivableId}/payments`, { amount: kopecks, paidOn: dayOffset(0), sourceRef: ref })

  /** The admin makes today a working day in the portal's zone (a CI run may fall on a weekend or a holiday). */
  async function workToday(timezone: string): Promise<UserAnswer> {
    const localToday = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date())
    return api('PUT', '/api/admin/calendar', {
      timezone,
      workStart: '09:00',
      workEnd: '18:00',
      companyWorkingDays: [localToday],
    })
  }

  async function item(itemId: number): Promise<Row> {
    return (
      await c.sb.admin.call<{ item: Row }>(c.portalId, 'crm.item.get', { entityTypeId: rec.entityTypeId, id: itemId })
    ).result.item
  }

  return {
    field,
    stage,
    managerId,
    companies,
    dayOffset,
    createInvoice,
    seedInvoices,
    moveStage,
    receivableOf,
    api,
    payFromUi,
    workToday,
    item,
    userAnswers,
    entityTypeId: rec.entityTypeId,
  }
}
export type DayDriver = ReturnType<typeof dayDriver>
