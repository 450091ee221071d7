// /api/dunning: the collection plan tab (plan, pause, promise, skip, send now), the template preview
// and the admin settings. Thin handlers: parse, call one use-case, map DunningError to 4xx.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin, sessionOf } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { readDunningPlan } from '../../../use-cases/dunning/read-dunning-plan.ts'
import { pauseDunning, recordPromise, skipDunningStep } from '../../../use-cases/dunning/dunning-actions.ts'
import { previewDunningTemplate, sendDunningNow } from '../../../use-cases/dunning/send-dunning-now.ts'
import { readDunningRulesFor, saveDunningRulesFrom } from '../../../use-cases/dunning/dunning-settings.ts'
import { setCounterpartyDunning, setReceivableDunning } from '../../../use-cases/dunning/dunning-overrides.ts'
import type { DunningPlanDto, DunningPreviewResponse, DunningSendNowResponse } from '../../../../contracts/dunning.ts'
import type { DunningRules } from '../../../domain/dunning/index.ts'
import { idParam, mapped, objectBody } from './map-error.ts'
import { openClaimForReceivable } from '../../../use-cases/claims/open-claim-for-receivable.ts'
import { portalDay } from '../../../use-cases/receivables/receivable-calendar.ts'
import { requireCounterparty } from '../access.ts'
import { counterpartyParams, dunningCounterpartyRoutes } from './counterparty-routes.ts'

type Params = Record<string, string>

export async function dunningApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => dunningPorts(ctx)
  await dunningCounterpartyRoutes(scope, ctx)

  scope.get<{ Params: Params }>('/dunning/counterparties/:type/:id/plan', async (req): Promise<DunningPlanDto> => {
    const s = sessionOf(req)
    const type = req.params.type
    if (type !== 'company' && type !== 'contact')
      throw new ApiError(400, 'request.invalid-counterparty', 'counterparty type must be "company" or "contact"')
    return readDunningPlan(ports(), s.memberId, type, idParam(req.params.id, 'counterparty id'))
  })

  const action = (
    path: string,
    run: (a: { memberId: string; userId: number }, id: number, b: Record<string, unknown>) => Promise<unknown>,
  ) =>
    scope.post<{ Params: Params }>(`/dunning/receivables/:id/${path}`, async (req) => {
      const s = sessionOf(req)
      const id = idParam(req.params.id, 'receivable id')
      const b = objectBody(req.body)
      return (await mapped(() => run({ memberId: s.memberId, userId: s.userId }, id, b))) ?? { ok: true }
    })
  action('settings', (a, id, b) => setReceivableDunning(ports(), a, id, b))
  action('pause', (a, id, b) => pauseDunning(ports(), a, id, b.until, b.reason))
  action('promise', (a, id, b) => recordPromise(ports(), a, id, b.date, b.amount))
  action('skip', (a, id, b) => skipDunningStep(ports(), a, id, b.stepKey))
  action('open-claim', async (a, id, b) => {
    const given = typeof b.reason === 'string' ? b.reason.trim().slice(0, 500) : ''
    const opened = await openClaimForReceivable(
      ports(),
      await ctx.b24!.forPortal(a.memberId),
      await ctx.repos.installState.get(a.memberId),
      a.memberId,
      id,
      (lang) =>
        given ||
        (lang === 'ru'
          ? `Открыто вручную из карточки счёта (пользователь #${a.userId}).`
          : `Opened by hand from the invoice card (user #${a.userId}).`),
    )
    if (!opened)
      throw new ApiError(
        409,
        'claims.not-installed',
        'The Claim Work smart process is not installed in this portal; open the app to finish the install',
      )
    await ports().audit.record({
      memberId: a.memberId,
      actor: `user:${a.userId}`,
      source: 'ui',
      action: 'claim.opened-by-hand',
      entity: 'receivable',
      entityId: String(id),
      details: opened,
    })
    return opened
  })
  action('send-now', (a, id, b): Promise<DunningSendNowResponse> =>
    sendDunningNow(ports(), a, id, { requestId: b.requestId, subject: b.subject, body: b.body, channels: b.channels }),
  )

  scope.post<{ Params: Params }>('/dunning/counterparties/:type/:id/settings', async (req) => {
    const { type, id } = counterpartyParams(req)
    const s = await requireCounterparty(ctx, req, type, id)
    await mapped(() =>
      setCounterpartyDunning(ports(), { memberId: s.memberId, userId: s.userId }, type, id, objectBody(req.body)),
    )
    return { ok: true }
  })

  scope.post('/dunning/templates/preview', async (req): Promise<DunningPreviewResponse> => {
    const s = sessionOf(req)
    return mapped(() => previewDunningTemplate(ports(), s.memberId, objectBody(req.body)))
  })

  // built-in escalation task titles in the portal's language (stored in English)
  scope.get('/dunning/settings', async (req): Promise<DunningRules> => {
    const memberId = sessionOf(req).memberId
    return readDunningRulesFor(ports(), memberId, (await portalDay(ports(), memberId)).lang)
  })

  scope.put('/dunning/settings', async (req): Promise<DunningRules> => {
    const s = requireAdmin(req)
    const { lang } = await portalDay(ports(), s.memberId)
    return mapped(() => saveDunningRulesFrom(ports(), s.memberId, objectBody(req.body), `user:${s.userId}`, lang))
  })
}
