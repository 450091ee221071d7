// SandboxClient: the typed in-process control surface for tests, seeding and tools. The HTTP
// admin API (/_sandbox/rpc/<name>) exposes the same methods.
import {
  addDepartment,
  addUser,
  createPortalState,
  seedCompany,
  seedContact,
  seedItems,
  quietCtx,
  type DepartmentInput,
  type PortalInput,
  type UserInput,
} from './seed.ts'
import { authCodeFor, expireTokens, framePost, registerApp, tokensFor, type AppInput } from './market-ops.ts'
import { installApp, finishInstall, uninstallApp } from '../market/install.ts'
import { invoke } from '../rest/invoke.ts'
import { RestError } from '../rest/errors.ts'
import { randomHex } from '../util/ids.ts'
import { InspectOps } from './inspect.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App, Department, User } from '../state/types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import { emitEvent } from '../events/emit.ts'
import { startOpenLineSession } from './open-line-session.ts'

/** Events of a change made by automation: no user, so no tokens in `auth` (api-reference/events/index.md). */
const automatedEmit = (rt: Runtime) => (ctx: Ctx, event: string, data: Record<string, unknown>) =>
  emitEvent(rt, ctx.ps, event, data, null, ctx.authConnector ?? '')

export type PortalInfo = {
  id: number
  memberId: string
  title: string
  domain: string
  origin: string
  restBase: string
  licenseFamily: string
}
export type Listener = (ps: PortalState) => Promise<void>

export class SandboxClient extends InspectOps {
  readonly #listen: Listener

  constructor(rt: Runtime, listen: Listener) {
    super(rt)
    this.#listen = listen
  }

  info(portalId: number): PortalInfo {
    const p = this.ps(portalId).portal
    return {
      id: p.id,
      memberId: p.memberId,
      title: p.title,
      domain: p.domain,
      origin: `${this.rt.scheme}://${p.domain}`,
      restBase: `${this.rt.scheme}://${p.domain}/rest/`,
      licenseFamily: p.licenseFamily,
    }
  }

  portals(): PortalInfo[] {
    return this.rt.world.allStates().map((s) => this.info(s.portal.id))
  }

  async createPortal(input: PortalInput = {}): Promise<PortalInfo> {
    const ps = createPortalState(this.rt, input)
    await this.#listen(ps)
    return this.info(ps.portal.id)
  }

  addUser(portalId: number, u: UserInput): User {
    return addUser(this.rt, this.ps(portalId), u)
  }

  updateUser(portalId: number, userId: number, patch: Partial<UserInput>): User {
    const ps = this.ps(portalId)
    const u = ps.users.get(userId)
    if (!u) throw new Error(`no user ${userId}`)
    return ps.users.save({ ...u, ...patch } as User)
  }

  addDepartment(portalId: number, d: DepartmentInput): Department {
    return addDepartment(this.ps(portalId), d)
  }

  updateDepartment(portalId: number, id: number, patch: Partial<DepartmentInput>): Department {
    const ps = this.ps(portalId)
    const d = ps.departments.get(id)
    if (!d) throw new Error(`no department ${id}`)
    return ps.departments.save({ ...d, ...patch } as Department)
  }

  addWebhook(
    portalId: number,
    userId = 1,
    opts: { code?: string; scopes?: string[] | null } = {},
  ): { code: string; url: string } {
    const ps = this.ps(portalId)
    const code = opts.code ?? randomHex(8)
    if (!ps.webhooks.find((w) => w.userId === userId && w.code === code))
      ps.webhooks.insert({ userId, code, scopes: opts.scopes ?? null })
    return { code, url: `${this.rt.scheme}://${ps.portal.domain}/rest/${userId}/${code}/` }
  }

  seedCompany(portalId: number, fields: Record<string, unknown>, requisites: Record<string, unknown>[] = []): number {
    return seedCompany(this.rt, this.ps(portalId), fields, requisites)
  }

  seedContact(portalId: number, fields: Record<string, unknown>, requisites: Record<string, unknown>[] = []): number {
    return seedContact(this.rt, this.ps(portalId), fields, requisites)
  }

  /** A client's chat through an open line (a WhatsApp, Telegram or live-chat connector) linked to a CRM object;
   * `users`: the employees already in it. Answers the CHAT_ID. */
  connectOpenLine(
    portalId: number,
    o: {
      entityType: 'lead' | 'deal' | 'company' | 'contact'
      entityId: number
      connectorId?: string
      connectorTitle?: string
      active?: boolean
      users?: number[]
    },
  ): number {
    return this.ps(portalId).openLineChats.insert({
      entityType: o.entityType,
      entityId: o.entityId,
      connectorId: o.connectorId ?? 'whatsappbyedna',
      connectorTitle: o.connectorTitle ?? 'WhatsApp',
      active: o.active ?? true,
      users: o.users ?? [],
    }).id
  }

  /** The portal's telephony: its outgoing lines (`outgoing`: the default one, voximplant.line.outgoing.get) and the
   * users without the telephony rights (ACCESS_DENIED). Replaces the lines seeded before. */
  seedTelephony(
    portalId: number,
    o: { lines: { id: string; name?: string }[]; outgoing?: string | null; deniedUsers?: number[] },
  ): void {
    const ps = this.ps(portalId)
    for (const l of ps.voxLines.values()) ps.voxLines.remove(l.id)
    for (const l of o.lines) ps.voxLines.insert({ lineId: l.id, name: l.name ?? l.id, outgoing: o.outgoing === l.id })
    for (const u of ps.users.values())
      if ((o.deniedUsers ?? []).includes(u.id) !== (u.telephony === false))
        ps.users.save({ ...u, telephony: !(o.deniedUsers ?? []).includes(u.id) })
  }

  /** The client writes into an open-line chat and a session starts: an IMOPENLINES_SESSION activity on the
   * chat's CRM object (incoming) and ONCRMACTIVITYADD, as the open lines module does. Answers the activity ID. */
  openLineSession(portalId: number, chatId: number, o: { text?: string; responsibleId?: number } = {}): number {
    return startOpenLineSession(this.rt, this.ps(portalId), chatId, o)
  }

  /** Insert many smart-process items directly (no REST, no events, no automation). */
  seedItems(portalId: number, entityTypeId: number, rows: Record<string, unknown>[]): number[] {
    return seedItems(this.rt, this.ps(portalId), entityTypeId, rows)
  }

  /** Run any REST method in-process as a user (default the admin), bypassing limits, faults and scopes. */
  async call<T = unknown>(
    portalId: number,
    method: string,
    params: Params = {},
    /** automation: the change is made by a robot / business process, so its events carry no auth tokens */
    opts: { userId?: number; events?: boolean; automation?: boolean } = {},
  ): Promise<{ result: T; total?: number; next?: number }> {
    const ps = this.ps(portalId)
    const ctx = quietCtx(this.rt, ps, opts.userId ?? 1)
    const base = this.rt.env(ps)
    const env =
      opts.events === false
        ? { ...base, hooks: ctx.hooks }
        : opts.automation
          ? { ...base, hooks: { ...base.hooks, emit: automatedEmit(this.rt) } }
          : base
    const r = await invoke(
      env,
      { user: ctx.user, app: null, install: null, webhook: null, scopes: null },
      method,
      params,
      false,
    )
    if (!r.ok) throw r.error
    return r.out as { result: T; total?: number; next?: number }
  }

  registerApp(a: AppInput): App {
    return registerApp(this.rt, a)
  }

  async installApp(portalId: number, appId: number, opts: { userId?: number; reinstall?: boolean } = {}) {
    const r = await installApp(this.rt, this.ps(portalId), this.app(appId), opts)
    return { applicationToken: r.installation.applicationToken, finished: r.installation.finished, tokens: r.tokens }
  }

  finishInstall(portalId: number, appId: number): boolean {
    return finishInstall(this.ps(portalId), appId)
  }

  uninstallApp(portalId: number, appId: number, opts: { clean?: boolean } = {}): Promise<boolean> {
    return uninstallApp(this.rt, this.ps(portalId), this.app(appId), opts)
  }

  /** A fresh OAuth pair for a user, shaped like the /oauth/token/ answer. */
  issueTokens(portalId: number, appId: number, userId = 1): Record<string, unknown> {
    return tokensFor(this.rt, this.ps(portalId), this.app(appId), userId)
  }

  issueAuthCode(portalId: number, appId: number, userId = 1): string {
    return authCodeFor(this.rt, this.ps(portalId), this.app(appId), userId)
  }

  expireTokens(portalId: number, appId?: number): number {
    return expireTokens(this.rt, portalId, appId)
  }

  framePost(
    portalId: number,
    appId: number,
    userId = 1,
    placement = 'DEFAULT',
    options: Record<string, unknown> = {},
    handler?: string,
  ) {
    return framePost(this.rt, this.ps(portalId), this.app(appId), userId, placement, options, handler)
  }

  /** Automation rules of one stage: robots run in order when an item enters the stage. */
  setAutomation(
    portalId: number,
    entityTypeId: number,
    stageId: string,
    steps: { robot: string; properties?: Record<string, unknown> }[],
  ): void {
    const ps = this.ps(portalId)
    const existing = ps.rules.find((r) => r.entityTypeId === entityTypeId && r.stageId === stageId)
    if (existing) ps.rules.save({ ...existing, steps })
    else ps.rules.insert({ entityTypeId, stageId, steps })
  }

  automation(portalId: number) {
    return this.ps(portalId).rules.values()
  }

  app(appId: number): App {
    const a = this.rt.world.apps.get(appId)
    if (!a) throw new RestError('NOT_FOUND', `no app ${appId}`, 404)
    return a
  }
}
