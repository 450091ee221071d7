// PUT /api/dunning/settings from the admin page's "Risk segments and escalation timers" section over a
// real database: each bad rule is a 400 naming the field and the reason and nothing is stored; a good
// document is stored and audited with the parts that changed; non-admins get a 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import {
  defaultDunningRules,
  taskTitleIn,
  withTaskTitles,
  type DunningRules,
} from '../../../server/domain/dunning/index.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const M = 'member-dunning-settings'
const H = { authorization: 'Bearer token', 'x-b24-member-id': M }
let admin = true
const put = (payload: object) => t.app.inject({ method: 'PUT', url: '/api/dunning/settings', headers: H, payload })
const audits = () =>
  t.ctx.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('member_id', '=', M)
    .where('entity_id', '=', 'dunning')
    .execute()
const withRules = (mutate: (r: DunningRules['rules']) => void) => {
  const r = defaultDunningRules().rules
  mutate(r)
  return { rules: r }
}

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, M)
  t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin: admin })
})
afterAll(async () => t.dispose())

describe('dunning settings: segment rules and escalation timers', () => {
  it('refuses bad rules with one clear message per problem and stores nothing', async () => {
    const cases: [object, string[]][] = [
      [
        withRules((r) => {
          r[1].ladder = 'nope'
        }),
        ['rules[1].ladder: unknown ladder "nope"'],
      ],
      [
        withRules((r) => {
          r[0].escalation[0].daysOverdue = -1
        }),
        ['rules[0].escalation[0].daysOverdue: days overdue must be a whole number from 0 to 3650'],
      ],
      [
        withRules((r) => {
          r[2].escalation[2].id = 'esc-2'
        }),
        ['rules[2].escalation[2].id: duplicate step id "esc-2"'],
      ],
      [
        withRules((r) => {
          r[1].escalation[0].tasks[0].title = ''
        }),
        ['rules[1].escalation[0].tasks[0].title: the task title is required'],
      ],
      [
        withRules((r) =>
          r.push({ id: 'huge', riskSegment: 'high', minDebt: 10 ** 17, ladder: 'standard', escalation: [] }),
        ),
        ['rules[3].minDebt: kopecks, a whole number from 0 to 100,000,000,000,000 (1 trillion roubles)'],
      ],
    ]
    for (const [payload, errors] of cases) {
      const r = await put(payload)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json()).toMatchObject({ error: 'dunning.invalid-rules', details: { errors } })
      expect(r.json().message).toContain(errors[0])
    }
    expect(await t.ctx.repos.settings.get(M, 'dunning')).toBeNull()
    expect(await audits()).toHaveLength(0)
  })

  it('stores a narrowed rule with its timers and audits the change; non-admins are refused', async () => {
    const next = withRules((r) =>
      r.push({
        id: 'vip-high',
        riskSegment: 'high',
        counterpartySegment: 'VIP',
        minDebt: 500_000_00,
        ladder: 'soft',
        escalation: [
          {
            id: 'e1',
            daysOverdue: 2,
            moveToOverdue: true,
            tasks: [{ title: 'Позвонить директору', hours: 4 }],
            notifyHead: true,
            openClaim: false,
          },
        ],
      }),
    )
    const ok = await put({ ...next, headOfSalesId: 5, catchUpDays: 2 })
    expect(ok.statusCode, ok.body).toBe(200)
    // the page of a Russian portal shows the built-in task titles in Russian
    const ru = withTaskTitles({ ...defaultDunningRules(), rules: next.rules }, (x) => taskTitleIn(x, 'ru')).rules
    expect((await t.app.inject({ method: 'GET', url: '/api/dunning/settings', headers: H })).json()).toMatchObject({
      headOfSalesId: 5,
      catchUpDays: 2,
      rules: ru,
    })
    const [row] = await audits()
    expect(row).toMatchObject({ actor: 'user:7', source: 'ui', action: 'settings.changed', entity: 'setting' })
    const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as {
      changed: string[]
      value: Record<string, unknown>
    }
    expect(details.changed.sort()).toEqual(['catchUpDays', 'headOfSalesId', 'rules'])
    expect(details.value.headOfSalesId).toBe(5)
    admin = false
    const denied = await put({ catchUpDays: 1 })
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error).toBe('auth.admin-only')
    admin = true
    expect(await audits()).toHaveLength(1)
    expect((await t.ctx.repos.settings.get<DunningRules>(M, 'dunning'))!.catchUpDays).toBe(2)
  })

  it("built-in task titles are shown in the portal's language and stored in their canonical form; a typed title is kept as typed", async () => {
    const shown = (
      await t.app.inject({ method: 'GET', url: '/api/dunning/settings', headers: H })
    ).json() as DunningRules
    expect(shown.rules[0].escalation[0].tasks.map((x) => x.title)).toEqual([
      'Позвонить клиенту',
      'Выяснить причину просрочки',
    ])
    const before = (await audits()).length
    // the page sends back what it was shown: nothing changed, the store keeps the English originals
    const same = await put({ rules: shown.rules })
    expect(same.statusCode, same.body).toBe(200)
    expect((same.json() as DunningRules).rules[0].escalation[0].tasks[0].title).toBe('Позвонить клиенту')
    const stored = (await t.ctx.repos.settings.get<DunningRules>(M, 'dunning'))!
    expect(stored.rules[0].escalation[0].tasks.map((x) => x.title)).toEqual(['Call the client', 'Find out the reason'])
    const last = (await audits()).slice(before)
    const changed = last.map(
      (a) => ((typeof a.details === 'string' ? JSON.parse(a.details) : a.details) as { changed: string[] }).changed,
    )
    expect(changed.flat()).not.toContain('rules')
    shown.rules[0].escalation[0].tasks[0].title = 'Позвонить бухгалтеру клиента'
    expect((await put({ rules: shown.rules })).statusCode).toBe(200)
    expect((await t.ctx.repos.settings.get<DunningRules>(M, 'dunning'))!.rules[0].escalation[0].tasks[0].title).toBe(
      'Позвонить бухгалтеру клиента',
    )
  })

  it('the template preview follows a ladder step: the sample invoice is as many days overdue as the step', async () => {
    const preview = (daysOverdue: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/dunning/templates/preview',
        headers: H,
        payload: { templateId: 'overdue', lang: 'en', daysOverdue },
      })
    expect((await preview(4)).json().body).toContain('is 4 days overdue')
    expect((await preview(10)).json().body).toContain('is 10 days overdue')
    const bad = await preview(-1)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('daysOverdue must be a whole number from 0 to 3650')
  })
})
