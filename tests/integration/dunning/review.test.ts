// "Reminders wait for review" (issue 24 item 8) against the sandbox portal, the clock pinned to Wednesday
// 09.12.2026 in Moscow: the high-risk segment waits, the normal one goes out as before; the review list
// names counterparties and invoices; edit, change step, send one, skip, send all and the release hour
// each act once; a paid or paused invoice drops out; bad input is a clear 4xx and changes nothing.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverErrorText } from '../../../contracts/error-messages.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan, type RemindJobData } from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/dunning/send-dunning-reminder.ts'
import { queueDunningReview } from '../../../server/use-cases/dunning/review-queue.ts'
import { releaseDunningReview } from '../../../server/use-cases/dunning/review-release.ts'
import { saveReviewSettings } from '../../../server/use-cases/dunning/review-settings.ts'
import { pauseDunning } from '../../../server/use-cases/dunning/dunning-actions.ts'
import type { ReleaseJobData } from '../../../server/use-cases/dunning/review-jobs.ts'
import type { DunningReviewItemDto, DunningReviewListDto } from '../../../contracts/dunning-review.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'

const DAY = '2026-12-09'
const at = (hh: number, mm = 0) =>
  new Date(`${DAY}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+03:00`)
let t: Awaited<ReturnType<typeof connectSandboxApp>>
let M = ''
let ports: DunningPorts
let manager = 0
const clock = { now: at(9) }
const jobs: { name: string; data: object }[] = []
const cps: Record<string, { company: number; id: number; receivables: number[] }> = {}
let userId = 1 // the portal admin; a test sets a plain user
const H = () => ({
  authorization: `Bearer ${(t.sb.admin.issueTokens(t.portalId, t.sbApp.id, userId) as { access_token: string }).access_token}`,
  'x-b24-member-id': M,
})
const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/admin/dunning-review${url}`, headers: H(), ...(payload ? { payload } : {}) })
const list = async () => (await api('GET', '')).json() as DunningReviewListDto
const lineOf = async (name: string) => (await list()).items.find((i) => i.counterparty === name) as DunningReviewItemDto
const mailsTo = (email: string) => t.sb.admin.outbox(t.portalId).filter((m) => m.to === email)
const remindJobs = async () =>
  (
    await sql<{ data: RemindJobData }>`SELECT data FROM pgboss.job WHERE name = 'dunning-remind'`.execute(
      t.ctx.database.db,
    )
  ).rows.map((r) => r.data)
const rows = async () =>
  (await t.ctx.database.db.selectFrom('dunning_review').select(['counterparty_id', 'status', 'edited']).execute()).map(
    (r) => ({ ...r, counterparty_id: Number(r.counterparty_id) }),
  )

async function debtor(name: string, risk: 'high' | 'normal', invoices: string[]) {
  const db = t.ctx.database.db
  const company = t.sb.admin.seedCompany(t.portalId, { TITLE: name })
  const cp = await db
    .insertInto('counterparties')
    .values({ member_id: M, entity_type: 'company', entity_id: company, name, inn: null, kpp: null, email: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  const id = Number(cp.id)
  await db
    .updateTable('counterparties')
    .set({ email: `buh-${id}@client.test` })
    .where('id', '=', id)
    .execute()
  await db
    .insertInto('dunning_counterparties')
    .values({ member_id: M, counterparty_id: id, risk_segment: risk, updated_at: new Date() })
    .execute()
  const receivables: number[] = []
  for (const number of invoices)
    receivables.push(
      Number(
        (
          await db
            .insertInto('receivables')
            .values({
              member_id: M,
              counterparty_id: id,
              item_id: null,
              invoice_number: number,
              invoice_date: '2026-11-09',
              due_date: DAY,
              effective_due_date: DAY,
              amount: 12_345_67,
              stage: 'AWAITING',
              responsible_id: manager,
              created_by: 't',
              created_source: 't',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      ),
    )
  cps[name] = { company, id, receivables }
}

const email = (name: string) => `buh-${cps[name].id}@client.test`

async function queueAll() {
  for (const j of jobs.filter((x) => x.name === 'dunning-review-queue'))
    await queueDunningReview(ports, j.data as RemindJobData)
}

beforeAll(async () => {
  t = await connectSandboxApp({ now: at(8) })
  M = t.memberId
  manager = t.sb.admin.addUser(t.portalId, { name: 'Иван', lastName: 'Менеджеров' }).id
  await debtor('ООО Ромашка', 'high', ['A-1'])
  await debtor('ООО Лютик', 'normal', ['B-1'])
  await debtor('ООО Василёк', 'high', ['C-1', 'C-2'])
  await debtor('ООО Оплачено', 'high', ['D-1'])
  await debtor('ООО Пауза', 'high', ['E-1'])
  await debtor('ООО Пропуск', 'high', ['F-1'])
  await debtor('ООО Гвоздика', 'high', ['G-1'])
  ports = dunningPorts(t.ctx, {
    clients: t.ctx.b24!,
    now: () => clock.now,
    send: async (name, data) => {
      jobs.push({ name, data })
      return null
    },
  })
}, 60_000)
afterAll(async () => {
  await t.close()
}, 30_000)

describe('reminders wait for review', () => {
  it('refuses an absurd hour, unknown segments and a plain user, changing nothing', async () => {
    const bad = await api('PUT', '/settings', { segments: ['high'], releaseHour: 25 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('dunning.review-invalid-hour')
    expect(serverErrorText(bad.json().error, bad.json().params, 'ru')).toContain('от 0 до 23')
    expect((await api('PUT', '/settings', { segments: ['extreme'] })).json().error).toBe(
      'dunning.review-invalid-segments',
    )
    expect((await api('PUT', '/settings', { segments: ['high'], releaseHour: 9.5 })).statusCode).toBe(400)
    userId = manager
    expect((await api('PUT', '/settings', { segments: ['high'] })).statusCode).toBe(403)
    expect((await api('GET', '')).statusCode).toBe(403)
    userId = 1
    expect((await list()).settings).toEqual({ segments: [], releaseHour: null })
    const ok = await api('PUT', '/settings', { segments: ['high'], releaseHour: null })
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await list()).settings).toEqual({ segments: ['high'], releaseHour: null })
  })

  it('the morning scan queues the reviewed segment for review and sends the others as before', async () => {
    const stats = await runDunningScan(ports, M)
    expect(stats.reviews).toBe(6)
    expect(
      jobs.filter((j) => j.name === 'dunning-remind').map((j) => (j.data as RemindJobData).counterpartyId),
    ).toEqual([cps['ООО Лютик'].id])
    expect(jobs.some((j) => j.name === 'dunning-review-release')).toBe(false) // "never": no release planned
    await queueAll()
    await queueAll() // a retried job adds no second line
    expect(await rows()).toHaveLength(6)
    expect(t.sb.admin.outbox(t.portalId)).toHaveLength(0) // nothing of the reviewed segment went out
    const items = (await list()).items
    expect(items.map((i) => i.counterparty).sort()).toEqual(
      ['ООО Ромашка', 'ООО Василёк', 'ООО Оплачено', 'ООО Пауза', 'ООО Пропуск', 'ООО Гвоздика'].sort(),
    )
    const c = items.find((i) => i.counterparty === 'ООО Василёк')!
    expect(c.invoices.map((i) => i.invoiceNumber)).toEqual(['C-1', 'C-2'])
    expect(c).toMatchObject({ stepKey: 'r.due-day', channels: ['email', 'telegram'], edited: false })
    expect(c.body).toContain('C-2')
    expect(items.find((i) => i.counterparty === 'ООО Ромашка')!.body).toContain('Иван Менеджеров')
    expect(c.steps.map((s) => s.key)).toContain('r.after-10')
  })

  it('a paid and a paused invoice drop out of the list', async () => {
    await t.ctx.database.db
      .updateTable('receivables')
      .set({ paid: 12_345_67 })
      .where('id', '=', cps['ООО Оплачено'].receivables[0])
      .execute()
    await pauseDunning(ports, { memberId: M, userId: 1 }, cps['ООО Пауза'].receivables[0], '2026-12-20', 'спор')
    const names = (await list()).items.map((i) => i.counterparty)
    expect(names).not.toContain('ООО Оплачено')
    expect(names).not.toContain('ООО Пауза')
    expect((await rows()).filter((r) => r.status === 'dropped')).toHaveLength(2)
    const paid = await t.ctx.database.db
      .selectFrom('dunning_review')
      .select('id')
      .where('status', '=', 'dropped')
      .executeTakeFirstOrThrow()
    const again = await api('POST', `/${paid.id}/send`)
    expect([again.statusCode, again.json().error]).toEqual([409, 'dunning.review-decided'])
  })

  it('edits: bad input is a 4xx and changes nothing; a new step re-composes, a new text is kept', async () => {
    const a = await lineOf('ООО Ромашка')
    for (const [payload, code] of [
      [{ stepKey: 'r.nope' }, 'dunning.review-unknown-step'],
      [{ body: '   ' }, 'dunning.invalid-input'],
      [{ subject: 'x'.repeat(251) }, 'dunning.invalid-input'],
      [{ colour: 'red' }, 'dunning.invalid-input'],
      [{}, 'dunning.invalid-input'],
    ] as const) {
      const r = await api('POST', `/${a.id}/edit`, payload)
      expect([r.statusCode, r.json().error]).toEqual([400, code])
    }
    expect((await api('POST', '/999999/edit', { body: 'x' })).json().error).toBe('dunning.review-not-found')
    expect((await api('POST', '/abc/edit', { body: 'x' })).statusCode).toBe(400)
    expect(await lineOf('ООО Ромашка')).toEqual(a)
    const edited = await api('POST', `/${a.id}/edit`, { body: 'Просим оплатить счёт A-1 сегодня.' })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ body: 'Просим оплатить счёт A-1 сегодня.', edited: true })
    const c = await lineOf('ООО Василёк')
    const stepped = (await api('POST', `/${c.id}/edit`, { stepKey: 'r.after-10' })).json() as DunningReviewItemDto
    expect(stepped.stepKey).toBe('r.after-10')
    expect(stepped.edited).toBe(false)
  })

  it('send one goes out once at the window with the reviewed text; a second send is a 409', async () => {
    const a = await lineOf('ООО Ромашка')
    const r = await api('POST', `/${a.id}/send`)
    expect(r.statusCode, r.body).toBe(200)
    const again = await api('POST', `/${a.id}/send`)
    expect([again.statusCode, again.json().error]).toEqual([409, 'dunning.review-decided'])
    const queued = (await remindJobs()).filter((d) => d.counterpartyId === cps['ООО Ромашка'].id)
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({ reviewId: a.id, day: DAY })
    clock.now = at(10, 30)
    expect(await sendDunningReminder(ports, queued[0])).toBe('sent')
    expect(await sendDunningReminder(ports, queued[0])).toBe('sent') // a retry sends nothing new
    expect(mailsTo(email('ООО Ромашка')).map((m) => m.body)).toEqual(['Просим оплатить счёт A-1 сегодня.'])
    const log = await ports.repo.log(M, cps['ООО Ромашка'].receivables)
    expect(log.map((l) => [l.stepKey, l.status])).toEqual([['r.due-day', 'sent']])
  })

  it('skip logs the step as skipped and sends nothing; a second skip is a 409', async () => {
    const f = await lineOf('ООО Пропуск')
    expect((await api('POST', `/${f.id}/skip`)).statusCode).toBe(200)
    expect((await api('POST', `/${f.id}/skip`)).json().error).toBe('dunning.review-decided')
    expect((await api('POST', `/${f.id}/send`)).statusCode).toBe(409)
    const log = await ports.repo.log(M, cps['ООО Пропуск'].receivables)
    expect(log.map((l) => [l.stepKey, l.status])).toEqual([['r.due-day', 'skipped']])
    expect(mailsTo(email('ООО Пропуск'))).toHaveLength(0)
  })

  it('the release hour lets the unreviewed lines go, once; an early or changed-hour job does nothing', async () => {
    jobs.length = 0
    await saveReviewSettings(ports, M, { segments: ['high'], releaseHour: 12 }, 'user:1')
    const release = jobs.filter((j) => j.name === 'dunning-review-release').map((j) => j.data as ReleaseJobData)
    expect(release).toEqual([{ memberId: M, day: DAY, hour: 12 }])
    clock.now = at(11)
    await expect(releaseDunningReview(ports, release[0])).rejects.toThrow(/release hour/)
    expect(await releaseDunningReview(ports, { ...release[0], hour: 11 })).toBe('setting-changed')
    clock.now = at(12, 5)
    expect(await releaseDunningReview(ports, release[0])).toEqual({ released: 2, dropped: 0 })
    expect(await releaseDunningReview(ports, release[0])).toEqual({ released: 0, dropped: 0 })
    expect((await list()).items).toEqual([])
    const sent = jobs.filter((j) => j.name === 'dunning-remind').map((j) => j.data as RemindJobData)
    expect(sent.map((d) => d.counterpartyId).sort()).toEqual(
      [cps['ООО Василёк'].id, cps['ООО Гвоздика'].id].sort((x, y) => x - y),
    )
    const c = sent.find((d) => d.counterpartyId === cps['ООО Василёк'].id)!
    expect(c.entries.map((e) => e.stepKey)).toEqual(['r.after-10', 'r.after-10'])
    expect(await sendDunningReminder(ports, c)).toBe('sent')
    expect(await sendDunningReminder(ports, c)).toBe('sent')
    expect(mailsTo(email('ООО Василёк'))).toHaveLength(1)
    expect(String(mailsTo(email('ООО Василёк'))[0].body)).toContain('C-1')
  })

  it('send all takes what is pending; nothing is left for a second press', async () => {
    await debtor('ООО Астра', 'high', ['H-1'])
    jobs.length = 0
    clock.now = at(12, 30)
    await runDunningScan(ports, M)
    await queueAll()
    // queued after the release hour: let go at once
    expect((await rows()).find((r) => r.counterparty_id === cps['ООО Астра'].id)?.status).toBe('approved')
    await saveReviewSettings(ports, M, { segments: ['high', 'normal'], releaseHour: null }, 'user:1')
    await debtor('ООО Ирис', 'high', ['I-1'])
    jobs.length = 0
    await runDunningScan(ports, M)
    await queueAll()
    // the normal segment waits now too: the reminder the fake queue never ran comes back for review
    expect((await list()).items.map((i) => i.counterparty).sort()).toEqual(['ООО Ирис', 'ООО Лютик'])
    const all = await api('POST', '/send-all')
    expect(all.json()).toEqual({ sent: 2, dropped: 0 })
    expect((await api('POST', '/send-all')).json()).toEqual({ sent: 0, dropped: 0 })
    const iris = (await remindJobs()).filter((d) => d.counterpartyId === cps['ООО Ирис'].id)
    expect(iris).toHaveLength(1)
    // paid between the press and the job: nothing goes out
    await t.ctx.database.db
      .updateTable('receivables')
      .set({ paid: 12_345_67 })
      .where('id', '=', cps['ООО Ирис'].receivables[0])
      .execute()
    expect(await sendDunningReminder(ports, iris[0])).toBe('nothing-due')
    expect(mailsTo(email('ООО Ирис'))).toHaveLength(0)
  })
})
