// Everything one portal holds. Each collection is a Table, persisted under `p<portalId>.<name>`.
import { Table, type Sink } from './table.ts'
import type { LoadedRows } from './persist.ts'
import type { Department, Installation, Portal, Rec, User, Webhook } from './types.ts'

/** The collections a portal holds (each a Table). */
type TableName =
  | 'installs'
  | 'webhooks'
  | 'users'
  | 'departments'
  | 'types'
  | 'categories'
  | 'statuses'
  | 'userfields'
  | 'companies'
  | 'contacts'
  | 'requisites'
  | 'comments'
  | 'activities'
  | 'outbox'
  | 'tasks'
  | 'checklist'
  | 'taskComments'
  | 'notifications'
  | 'bindings'
  | 'offline'
  | 'placements'
  | 'robots'
  | 'robotRuns'
  | 'rules'
  | 'bizprocEvents'
  | 'openLineChats'
  | 'openLineMessages'
  | 'voxLines'
  | 'voxCallbacks'

export class PortalState {
  readonly portal: Portal
  readonly installs: Table<Installation>
  readonly webhooks: Table<Webhook>
  readonly users: Table<User>
  readonly departments: Table<Department>
  readonly types: Table<Rec>
  readonly categories: Table<Rec>
  readonly statuses: Table<Rec>
  readonly userfields: Table<Rec>
  readonly companies: Table<Rec>
  readonly contacts: Table<Rec>
  readonly requisites: Table<Rec>
  readonly comments: Table<Rec>
  readonly activities: Table<Rec>
  readonly outbox: Table<Rec>
  readonly tasks: Table<Rec>
  readonly checklist: Table<Rec>
  readonly taskComments: Table<Rec>
  readonly notifications: Table<Rec>
  readonly bindings: Table<Rec>
  readonly offline: Table<Rec>
  readonly placements: Table<Rec>
  readonly robots: Table<Rec>
  readonly robotRuns: Table<Rec>
  readonly rules: Table<Rec>
  readonly bizprocEvents: Table<Rec>
  /** Open-line chats linked to CRM objects: {entityType, entityId, connectorId, connectorTitle, active, users} */
  readonly openLineChats: Table<Rec>
  readonly openLineMessages: Table<Rec>
  /** The portal's outgoing telephony lines: {lineId, name, outgoing (the default one)} (admin.seedTelephony) */
  readonly voxLines: Table<Rec>
  /** Callbacks started by voximplant.callback.start: {callId, fromLine, toNumber, text, voice, userId, appId, at} */
  readonly voxCallbacks: Table<Rec>
  readonly #items = new Map<number, Table<Rec>>()
  readonly #sink: Sink | null
  readonly #loaded: LoadedRows | null

  constructor(portal: Portal, sink: Sink | null, loaded: LoadedRows | null) {
    this.portal = portal
    this.#sink = sink
    this.#loaded = loaded
    const t = <T extends { id: number }>(n: TableName) => this.#table<T>(n)
    this.installs = t('installs')
    this.webhooks = t('webhooks')
    this.users = t('users')
    this.departments = t('departments')
    this.types = t('types')
    this.categories = t('categories')
    this.statuses = t('statuses')
    this.userfields = t('userfields')
    this.companies = t('companies')
    this.contacts = t('contacts')
    this.requisites = t('requisites')
    this.comments = t('comments')
    this.activities = t('activities')
    this.outbox = t('outbox')
    this.tasks = t('tasks')
    this.checklist = t('checklist')
    this.taskComments = t('taskComments')
    this.notifications = t('notifications')
    this.bindings = t('bindings')
    this.offline = t('offline')
    this.placements = t('placements')
    this.robots = t('robots')
    this.robotRuns = t('robotRuns')
    this.rules = t('rules')
    this.bizprocEvents = t('bizprocEvents')
    this.openLineChats = t('openLineChats')
    this.openLineMessages = t('openLineMessages')
    this.voxLines = t('voxLines')
    this.voxCallbacks = t('voxCallbacks')
    for (const type of this.types.values()) this.items(Number(type.entityTypeId))
  }

  #table<T extends { id: number }>(name: string): Table<T> {
    const full = `p${this.portal.id}.${name}`
    const loaded = this.#loaded?.get(full) as { rows: T[]; seq: number } | undefined
    return new Table<T>(full, this.#sink, loaded)
  }

  /** Items of one smart process (created on first use). */
  items(entityTypeId: number): Table<Rec> {
    let t = this.#items.get(entityTypeId)
    if (!t) {
      t = this.#table<Rec>(`items.${entityTypeId}`)
      this.#items.set(entityTypeId, t)
    }
    return t
  }

  dropItems(entityTypeId: number): void {
    this.#items.get(entityTypeId)?.clear()
    this.#items.delete(entityTypeId)
  }

  typeByEntityTypeId(entityTypeId: number): Rec | undefined {
    return this.types.find((t) => Number(t.entityTypeId) === Number(entityTypeId))
  }

  installFor(appId: number): Installation | undefined {
    return this.installs.find((i) => i.appId === appId && i.installed)
  }
}
