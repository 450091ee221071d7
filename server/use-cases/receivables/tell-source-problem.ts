// Tells people why a deal or smart invoice did not become a receivable (or why its new amount was not
// followed): a warning in the log with the ru and en texts, and on a deal one timeline comment in the portal's
// language, once per problem (effect key; a lost answer is not written again).
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { timeline } from '../../bitrix24/rest/timeline.ts'
import { effectKeys } from '../effect-keys.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { DEAL_TYPE } from './source-settings.ts'
import type { SourceItem } from './source-item.ts'
import { sourceProblemText, type SourceProblem } from './source-messages.ts'

export async function tellSourceProblem(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  item: Pick<SourceItem, 'entityTypeId' | 'id'>,
  problem: SourceProblem,
): Promise<void> {
  ports.log.warn(
    {
      memberId,
      sourceType: item.entityTypeId,
      sourceId: item.id,
      code: problem.code,
      ru: sourceProblemText(problem, 'ru'),
      en: sourceProblemText(problem, 'en'),
    },
    'receivable.source-problem',
  )
  // crm.timeline.comment.add takes ENTITY_TYPE 'deal' (api-reference/crm/timeline/comments/crm-timeline-comment-add.md)
  if (item.entityTypeId !== DEAL_TYPE) return
  const detail = problem.amount ?? problem.contract ?? problem.counterparty ?? problem.invoiceNumber ?? '-'
  const key = effectKeys.sourceProblem(memberId, item.entityTypeId, item.id, problem.code, detail)
  const claim = await ports.effects.claim<{ commentId: number }>(key, memberId)
  if (claim.state === 'done') return
  const { lang } = await portalDay(ports, memberId)
  const target = { ENTITY_TYPE: 'deal', ENTITY_ID: item.id }
  const text = sourceProblemText(problem, lang)
  // an earlier try may have written it and lost the answer: found again by its text
  const found =
    claim.state === 'pending' ? (await timeline.list(client, target)).find((c) => c.COMMENT === text) : undefined
  const commentId = found ? Number(found.ID) : await timeline.add(client, target, text)
  await ports.effects.complete(key, { commentId })
}
