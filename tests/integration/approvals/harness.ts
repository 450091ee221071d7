// Test harness for approvals: a real app context and database, the fake portal, a frozen clock,
// and a worker stand-in that runs apply jobs (ours and those the API enqueued) and fires SLA
// timers when the clock reaches them. Every own write is delivered back as a portal event, as the
// portal would, to prove it changes nothing.
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { approvalPorts, type ApprovalPorts } from '../../../server/use-cases/approval-ports.ts'
import { applyApprovalEvents, type ApprovalSlaJob } from '../../../server/use-cases/apply-approval-events.ts'
import type { ApprovalApplyJob } from '../../../server/use-cases/approval-transition.ts'
import { handleApprovalItemEvent } from '../../../server/use-cases/handle-approval-item-event.ts'
import { handleApprovalTaskUpdate } from '../../../server/use-cases/handle-approval-task-update.ts'
import { tickApprovalSla } from '../../../server/use-cases/tick-approval-sla.ts'
import { approvalView } from '../../../server/use-cases/read-approval.ts'
import type { TelegramClient } from '../../../server/channels/telegram-client.ts'
import type { Env } from '../../../server/config.ts'
import { ETID, FakePortal, installState } from './fake-portal.ts'

export const M = 'member-appr'
export const U = { ceo: 100, head: 20, initiator: 30, finance: 40, ops: 50, chief: 60, junior: 61, cfo: 70, stranger: 99 }

export async function approvalHarness(env: Env = {}) {
  const t = await createTestContext(env)
  await seedPortal(t.ctx, M)
  const portal = new FakePortal(M)
  portal.departments.set(1, { parent: null, head: U.ceo })
  portal.departments.set(2, { parent: 1, head: U.head })
  portal.departments.set(3, { parent: 2, head: null })
  portal.users.set(U.initiator, { departments: [3] })
  portal.users.set(U.head, { departments: [2] })
  t.ctx.b24 = portal
  ;(t.ctx.repos as unknown as { installState: unknown }).installState = { get: async () => installState }
  t.ctx.verifyUserToken = async (_m, token) => ({ userId: Number(token.replace(/\D/g, '')), isAdmin: token.startsWith('admin') })
  await t.ctx.repos.settings.set(M, 'approvals.roles', {
    financeManager: U.finance, operationsManager: U.ops, chiefAccountant: U.chief, juniorAccountant: U.junior, cfo: U.cfo,
  }, 'test')

  const clock = { now: new Date('2025-06-09T07:00:00Z') }
  const sla: { key: string; at: number; data: ApprovalSlaJob }[] = []
  const applies: ApprovalApplyJob[] = []
  const seen = new Set<string>()
  const sent: TelegramSent[] = []
  const telegram: TelegramClient = {
    async sendMessage(chatId, text, buttons) { sent.push({ chatId: Number(chatId), text, buttons: buttons?.flat().map((b) => b.callbackData) ?? [] }); return { delivered: true, messageId: sent.length, reason: null } },
    async answerCallback() {}, async clearButtons() {}, async getMe() { return { ok: true, username: 'bot', reason: null } },
  }
  const ports = (): ApprovalPorts => approvalPorts(t.ctx, {
    clients: portal, installState: async () => installState, now: () => clock.now, telegram,
    send: async (name, data, o) => {
      if (seen.has(`${name}|${o.key}`)) return null
      seen.add(`${name}|${o.key}`)
      if (name === 'approval-sla') sla.push({ key: o.key!, at: new Date(o.startAfter!).getTime(), data: data as ApprovalSlaJob })
      else applies.push(data as ApprovalApplyJob)
      return o.key
    },
  })
  const itemEvent = (itemId: number) => handleApprovalItemEvent(ports(), M, ETID, itemId)

  /** Runs every pending apply job (including those the API put in the real queue); echoes our writes as events. */
  async function drain(): Promise<void> {
    for (let guard = 0; guard < 50; guard++) {
      const queued = await t.ctx.queue.boss.fetch<ApprovalApplyJob>('approval-apply', { batchSize: 20 })
      for (const j of queued ?? []) { applies.push(j.data); await t.ctx.queue.boss.complete('approval-apply', j.id) }
      const job = applies.shift()
      if (!job) return
      const before = portal.calls.filter((c) => c === 'crm.item.update').length
      await applyApprovalEvents(ports(), job)
      const outbox = await ports().approvals.outbox(M, job.outboxId)
      const rec = outbox ? await ports().approvals.get(M, outbox.approvalId) : null
      if (rec && portal.calls.filter((c) => c === 'crm.item.update').length > before) {
        const echo = await itemEvent(rec.itemId)
        if (!['unchanged', 'ignored'].includes(echo.status)) throw new Error(`our own write was taken as a change: ${echo.status}`)
      }
    }
  }

  /** Moves the clock, firing each SLA timer due by then in order (each fire may schedule the next). */
  async function advanceTo(iso: string): Promise<string[]> {
    const fired: string[] = []
    const end = Date.parse(iso)
    for (let guard = 0; guard < 100; guard++) {
      sla.sort((a, b) => a.at - b.at)
      const next = sla[0]
      if (!next || next.at > end) break
      sla.shift()
      clock.now = new Date(next.at)
      fired.push(`${new Date(next.at).toISOString()} ${await tickApprovalSla(ports(), next.data)}`)
      await drain()
    }
    clock.now = new Date(end)
    return fired
  }

  /** The tab's view at the frozen clock (the HTTP API reads the real clock). */
  const viewAt = async (itemId: number, user: number) => approvalView(ports(), (await ports().approvals.getByItem(M, ETID, itemId))!, user)
  const taskEvent = (taskId: number) => handleApprovalTaskUpdate(ports(), M, taskId)
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, user: number | string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { authorization: `Bearer ${typeof user === 'number' ? `user-${user}` : user}`, 'x-b24-member-id': M }, ...(payload ? { payload } : {}) })

  return { t, portal, clock, ports, drain, advanceTo, itemEvent, taskEvent, api, viewAt, sla, sent, dispose: () => t.dispose() }
}

export interface TelegramSent { chatId: number; text: string; buttons: string[] }
export type Harness = Awaited<ReturnType<typeof approvalHarness>>
