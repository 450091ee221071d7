// The demo company group built the way `npm run demo` builds it (scripts/demo.ts): the sandbox portal
// «ООО «Ромашка»» in Moscow, the app installed through the Market flow with its workers, the demo people,
// companies with requisites, 200 invoices with payments, roles, our legal entity and two claims, all
// through the same seed functions; "today" is the suite's pinned day, so the data is the same every run.
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { startWorkers } from '../../../server/create-context.ts'
import { localDateOf } from '../../../server/domain/calendar/index.ts'
import { seedCompanies, seedLedger, seedPortalPeople } from '../../../scripts/demo/seed-portal.ts'
import { seedClaims, seedLegalEntity, seedRoles } from '../../../scripts/demo/seed-work.ts'

export type DemoWorld = Awaited<ReturnType<typeof startDemoWorld>>

export async function startDemoWorld() {
  const w = await connectSandboxApp({
    portal: {
      title: 'ООО «Ромашка»',
      lang: 'ru',
      timezone: 'Europe/Moscow',
      admin: { name: 'Ирина', lastName: 'Смирнова', isAdmin: true },
    },
  })
  seedPortalPeople(w.sb, w.portalId)
  await installPortal(w.ctx, w.memberId, true)
  await startWorkers(w.ctx)
  const companies = seedCompanies(w.sb, w.portalId)
  const today = localDateOf('Europe/Moscow', w.ctx.clock.now().getTime())
  const invoices = await seedLedger(w.ctx, w.memberId, companies, today)
  await seedRoles(w.ctx, w.memberId)
  await seedLegalEntity(w.ctx, w.memberId)
  const claims = await seedClaims(w.ctx, w.memberId)
  return { ...w, companies, today, invoices, claims }
}
