// The collection settings of one counterparty for its tab, with the choices the portal's rules offer.
import type { DunningCounterpartySettingsDto, DunningOverrideDto } from '../../../contracts/dunning.ts'
import { DunningError } from '../../domain/dunning/index.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { loadDunningRules } from './dunning-settings.ts'

/** The ledger's id of a counterparty of the portal, or null. */
export async function ledgerCounterpartyId(
  ports: Pick<DunningPorts, 'db'>,
  memberId: string,
  type: 'company' | 'contact',
  entityId: number,
): Promise<number | null> {
  const cp = await ports.db
    .selectFrom('counterparties')
    .select('id')
    .where('member_id', '=', memberId)
    .where('entity_type', '=', type)
    .where('entity_id', '=', entityId)
    .executeTakeFirst()
  return cp ? Number(cp.id) : null
}

export async function requireLedgerCounterparty(
  ports: Pick<DunningPorts, 'db'>,
  memberId: string,
  type: 'company' | 'contact',
  entityId: number,
): Promise<number> {
  const id = await ledgerCounterpartyId(ports, memberId, type, entityId)
  if (id === null)
    throw new DunningError('dunning.not-found', `counterparty ${type} ${entityId} is not in the ledger`, {
      rule: 'counterparty',
    })
  return id
}

export async function readCounterpartyDunning(
  ports: DunningPorts,
  memberId: string,
  type: 'company' | 'contact',
  entityId: number,
): Promise<DunningCounterpartySettingsDto> {
  const rules = await loadDunningRules(ports, memberId)
  const choices = {
    ladders: rules.ladders.map((l) => l.id),
    segments: [...new Set(rules.rules.flatMap((r) => (r.counterpartySegment ? [r.counterpartySegment] : [])))],
  }
  const id = await ledgerCounterpartyId(ports, memberId, type, entityId)
  const row =
    id === null
      ? undefined
      : await ports.db
          .selectFrom('dunning_counterparties')
          .selectAll()
          .where('member_id', '=', memberId)
          .where('counterparty_id', '=', id)
          .executeTakeFirst()
  return {
    inLedger: id !== null,
    segment: row?.segment ?? null,
    riskSegment: row?.risk_segment ?? null,
    doNotDun: row?.do_not_dun ?? false,
    timezone: row?.timezone ?? null,
    lang: row?.lang ?? null,
    override: (row?.override as DunningOverrideDto | null | undefined) ?? null,
    telegram: {
      linked: Boolean(row?.telegram_chat_id),
      linkedOn:
        row?.telegram_chat_id && row.telegram_linked_at
          ? localDateOf(
              (await ports.portalOf(memberId))?.timezone ?? 'Europe/Moscow',
              new Date(row.telegram_linked_at).getTime(),
            )
          : null,
    },
    ...choices,
  }
}
