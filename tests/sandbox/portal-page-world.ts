// A sandbox portal that serves the portal page, with an app installed through the Market flow whose
// handlers (item events, ONAPPUNINSTALL) post to a local receiver, and a "Receivables" smart process
// with an amount, a due date and a court case number field. For the portal-page change tests.
import { startSandbox, type Sandbox } from '../../sandbox/index.ts'
import { startSandboxWithPages } from '../../sandbox/portal-page/index.ts'
import { call, makeSpa, sdkFrom, startReceiver, type Receiver } from './harness.ts'
import type { B24OAuth } from '@bitrix24/b24jssdk'

/** "Today" of these tests: Monday 2 March 2026, 12:00 Moscow time. */
export const TODAY = Date.parse('2026-03-02T09:00:00Z')

export type PageWorld = {
  sb: Sandbox
  rx: Receiver
  portalId: number
  origin: string
  appId: number
  app: { clientId: string; clientSecret: string }
  applicationToken: string
  tokens: Record<string, unknown>
  b24: B24OAuth
  /** a non-admin employee: the person who changes things in the page */
  managerId: number
  spa: { id: number; entityTypeId: number }
  /** UPPER names of the spa's user fields */
  uf: { amount: string; dueDate: string; caseNo: string }
  close(): Promise<void>
}

export async function startPageWorld(): Promise<PageWorld> {
  const rx = await startReceiver()
  const sb = await startSandboxWithPages((o) => startSandbox({ ...o, tokenLifetimeSec: 3600 }))
  const portal = await sb.admin.createPortal({ title: 'ООО «Поставщик»' })
  sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const manager = sb.admin.addUser(portal.id, { name: 'Пётр', lastName: 'Менеджеров', isAdmin: false })
  const app = sb.admin.registerApp({
    code: 'page.app',
    name: 'Контроль дебиторки',
    clientId: 'local.page.1',
    clientSecret: 'page-secret',
    appUrl: `${rx.url}/app`,
    installUrl: `${rx.url}/install`,
    eventHandlerUrl: `${rx.url}/install-event`,
  })
  const inst = await sb.admin.installApp(portal.id, app.id)
  const b24 = sdkFrom(inst.tokens, app, inst.applicationToken)
  for (const event of ['ONCRMDYNAMICITEMUPDATE', 'ONCRMDYNAMICITEMADD', 'ONAPPUNINSTALL'])
    await call(b24, 'event.bind', { event, handler: `${rx.url}/events` })
  sb.admin.finishInstall(portal.id, app.id)
  const spa = await makeSpa(b24, 'Дебиторка')
  const uf = {
    amount: `UF_CRM_${spa.id}_AMOUNT`,
    dueDate: `UF_CRM_${spa.id}_DUE_DATE`,
    caseNo: `UF_CRM_${spa.id}_CASE_NO`,
  }
  const labels: [string, string, string][] = [
    [uf.amount, 'money', 'Сумма'],
    [uf.dueDate, 'date', 'Срок оплаты'],
    [uf.caseNo, 'string', 'Номер судебного дела'],
  ]
  for (const [fieldName, userTypeId, ru] of labels)
    await call(b24, 'userfieldconfig.add', {
      moduleId: 'crm',
      field: { entityId: `CRM_${spa.id}`, fieldName, userTypeId, editFormLabel: { ru, en: fieldName } },
    })
  await sb.admin.flush()
  rx.received.length = 0
  // pinned after the install: the SDK judges its tokens' expiry by the machine's clock
  sb.admin.clock().freeze(TODAY)
  return {
    sb,
    rx,
    portalId: portal.id,
    origin: portal.origin,
    appId: app.id,
    app,
    applicationToken: inst.applicationToken,
    tokens: inst.tokens,
    b24,
    managerId: manager.id,
    spa,
    uf,
    async close() {
      await sb.close()
      await rx.close()
    },
  }
}

/** POST a form of the page (bracketed names as a browser sends them) without following the redirect. */
export async function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  })
}

/** The events the app's handler received (after the in-flight posts settled). */
export async function eventsOf(w: PageWorld, name?: string) {
  await w.sb.admin.flush()
  return w.rx.received
    .filter((r) => r.path === '/events')
    .map((r) => r.body as { event: string; data: { FIELDS?: Record<string, string> }; auth: Record<string, string> })
    .filter((b) => !name || b.event === name)
}
