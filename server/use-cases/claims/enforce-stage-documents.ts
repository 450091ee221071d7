// Stage documents (issue 23 item 4): when a recovery card moves forward past a stage whose required
// document is missing, the app returns it to where it was and says in the timeline what is missing.
// Once per attempt: the note and the return are keyed by the move (from, to, the portal's moved time).
import {
  checkStageRequirements,
  missingForMove,
  type MissingDocument,
  type StageDocument,
  type StageRequirements,
} from '../../domain/claims/stage-gate.ts'
import { timelineTarget } from '../../bitrix24/rest/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import { effectKeys } from '../effect-keys.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { writeOnce } from '../dunning/dunning-write-once.ts'
import type { LoadedClaim } from './claim-case.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

export const STAGE_REQUIREMENTS_SETTING = 'claims.stageRequirements'

export async function readStageRequirements(
  ports: Pick<DunningPorts, 'settings'>,
  memberId: string,
): Promise<StageRequirements> {
  const raw = await ports.settings.get<unknown>(memberId, STAGE_REQUIREMENTS_SETTING)
  try {
    return raw ? checkStageRequirements(raw) : {}
  } catch {
    return {}
  }
}

async function hasDocument(ports: DunningPorts, l: LoadedClaim, d: StageDocument): Promise<boolean> {
  const { memberId } = l.claim
  if (d === 'claim-letter') return (await claimsRepository(ports.db).latestLetter(memberId, l.claim.id)) !== null
  if (d === 'settlement-schedule')
    return !!(await ports.db
      .selectFrom('claim_tranches')
      .select('id')
      .where('member_id', '=', memberId)
      .where('case_id', '=', l.claim.id)
      .executeTakeFirst())
  if (d === 'statement-of-claim')
    return !!(await ports.db
      .selectFrom('audit_log')
      .select('id')
      .where('member_id', '=', memberId)
      .where('action', '=', 'claim.statement-generated')
      .where('entity', '=', 'claim-item')
      .where('entity_id', '=', String(l.claim.itemId))
      .executeTakeFirst())
  const notice = effectKeys.claimStageEffect(memberId, l.claim.id, 'FIRST_NOTICE', 'notice')
  return (await ports.effects.countByPrefix(notice)) > 0
}

async function presentDocuments(
  ports: DunningPorts,
  l: LoadedClaim,
  wanted: readonly StageDocument[],
): Promise<Set<StageDocument>> {
  const has = new Set<StageDocument>()
  for (const d of wanted) if (await hasDocument(ports, l, d)) has.add(d)
  return has
}

const DOC_NAMES: Record<'ru' | 'en', Record<StageDocument, string>> = {
  ru: {
    'first-notice': 'первое уведомление',
    'claim-letter': 'претензия',
    'settlement-schedule': 'график платежей по мировому соглашению',
    'statement-of-claim': 'исковое заявление',
  },
  en: {
    'first-notice': 'the first notice',
    'claim-letter': 'the claim letter',
    'settlement-schedule': 'the settlement payment schedule',
    'statement-of-claim': 'the statement of claim',
  },
}

function note(missing: MissingDocument[], lang: 'ru' | 'en'): string {
  const names = [...new Set(missing.map((m) => DOC_NAMES[lang][m.document]))].join(', ')
  return lang === 'ru'
    ? `Карточка возвращена на прежнюю стадию: не хватает документа — ${names}. Сформируйте его и переведите карточку снова.`
    : `The card was returned to its stage: a document is missing — ${names}. Make it and move the card again.`
}

/**
 * Returns true when the move was refused: the card is sent back to the stage the app saw last (the
 * stored stage stays as it was). `movedTime` identifies the attempt.
 */
export async function enforceStageDocuments(
  ports: DunningPorts,
  client: PortalClient,
  l: LoadedClaim,
  movedTime: string,
): Promise<boolean> {
  const req = await readStageRequirements(ports, l.claim.memberId)
  const to = l.facts.stage
  if (!to || !Object.keys(req).length) return false
  const stored = await ports.db
    .selectFrom('claim_cases')
    .select('stage')
    .where('member_id', '=', l.claim.memberId)
    .where('id', '=', l.claim.id)
    .executeTakeFirst()
  const before = stored?.stage ?? null
  if (!before) return false
  const applicable = missingForMove(req, before, to, new Set())
  if (!applicable.length) return false
  const wanted = [...new Set(applicable.map((m) => m.document))]
  const missing = missingForMove(req, before, to, await presentDocuments(ports, l, wanted))
  if (!missing.length) return false
  const backTo = l.process.pipelines.recovery?.stages[before]
  if (!backTo) return false
  const { lang } = await portalDay(ports, l.claim.memberId)
  const key = effectKeys.claimStageEffect(l.claim.memberId, l.claim.id, `gate:${before}>${to}`, movedTime || 'unknown')
  await writeOnce(ports.effects, l.claim.memberId, key, {
    write: async () => {
      await client.batch(
        {
          back: {
            method: 'crm.item.update',
            params: { entityTypeId: l.process.entityTypeId, id: l.claim.itemId, fields: { stageId: backTo } },
          },
          note: {
            method: 'crm.timeline.comment.add',
            params: {
              fields: { ...timelineTarget(l.process.entityTypeId, l.claim.itemId), COMMENT: note(missing, lang) },
            },
          },
        },
        { halt: true, idempotent: false },
      )
      return { missing }
    },
  })
  return true
}
