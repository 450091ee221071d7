// The app installed into a sandbox portal that serves its own pages (CRM cards with our tabs in
// iframes, as `npm run demo` shows them): connected through ONAPPINSTALL, reconciled by the real
// install, workers running. For browser tests and the tab benchmark.
import { startSandbox } from '../../sandbox/index.ts'
import { startSandboxWithPages } from '../../sandbox/portal-page/index.ts'
import { installPortal } from '../../server/use-cases/portal/install-portal.ts'
import { startWorkers } from '../../server/create-context.ts'
import type { InstallState } from '../../server/bitrix24/install-state.ts'
import type { Env } from '../../server/config.ts'
import { connectSandboxApp } from './sandbox-app.ts'

export type PortalPageApp = Awaited<ReturnType<typeof startPortalPageApp>>

export async function startPortalPageApp(opts: { env?: Env; now?: string | Date } = {}) {
  const w = await connectSandboxApp({
    env: opts.env,
    now: opts.now,
    start: (o) => startSandboxWithPages((p) => startSandbox({ ...o, ...p })),
    portal: {
      title: 'ООО «Поставщик»',
      lang: 'ru',
      timezone: 'Europe/Moscow',
      admin: { name: 'Ирина', lastName: 'Смирнова', isAdmin: true },
    },
    app: {
      clientId: 'local.rc.e2e',
      clientSecret: 'rc-e2e-secret',
      code: 'receivables.control',
      name: 'Контроль дебиторки',
    },
    beforeFinish: (ctx, memberId) => installPortal(ctx, memberId, true),
  })
  await startWorkers(w.ctx)
  const state = (await w.ctx.repos.installState.get(w.memberId)) as InstallState
  return {
    ...w,
    state,
    receivablesEntityTypeId: state.processes.receivables!.entityTypeId,
    /** The portal's language (the LANG the portal posts into our frames). */
    setLang(lang: 'ru' | 'en') {
      w.sb.runtime.world.state(w.portal.id)!.portal.lang = lang
    },
  }
}
