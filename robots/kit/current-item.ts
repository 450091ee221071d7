// What a robot runs on: the receivable (or other process item) behind the business process's document.
import type { RobotRunInput } from './types.ts'
import { RobotError } from './types.ts'
import type { InstallState } from '../../server/bitrix24/install-state.ts'
import { findReceivableIdByItem } from '../../server/use-cases/receivables/find-receivable-by-item.ts'
import { handleReceivableItemEvent } from '../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'

type ProcessKey = 'receivables' | 'claims' | 'approvals'

export async function installStateOf(input: RobotRunInput): Promise<InstallState> {
  const state = await input.ctx.repos.installState.get(input.memberId)
  if (!state)
    throw new RobotError(
      'robot.not-installed',
      'The app is not installed in this portal yet; open the app once to finish the install',
    )
  return state
}

/** The item id when the document is an item of our process `key`, else a clear error. */
export async function processItemOf(
  input: RobotRunInput,
  key: ProcessKey,
): Promise<{ itemId: number; entityTypeId: number; state: InstallState }> {
  const state = await installStateOf(input)
  const p = state.processes[key]
  const d = input.document
  if (!p || d.kind !== 'dynamic' || d.entityTypeId !== p.entityTypeId) {
    throw new RobotError(
      'robot.wrong-document',
      `This robot runs on items of the "${key}" smart process, not on ${d.raw.join('/').slice(0, 80)}`,
    )
  }
  return { itemId: d.id, entityTypeId: p.entityTypeId, state }
}

/**
 * The ledger receivable of the current Receivables item. An item the ledger does not know yet (its
 * add event still queued, or lost: the portal never sends it again) is read from the portal first,
 * as its event would be: a robot on a just-created item no longer fails for good.
 */
export async function currentReceivableId(input: RobotRunInput): Promise<number> {
  const { itemId, entityTypeId } = await processItemOf(input, 'receivables')
  const db = input.ctx.database.db
  let id = await findReceivableIdByItem(db, input.memberId, itemId)
  if (id === null) {
    try {
      await handleReceivableItemEvent(receivablesPorts(input.ctx), input.memberId, entityTypeId, itemId)
    } catch (e) {
      // the item's event job created it at the same moment: the ledger has it now
      if ((e as { code?: string }).code !== '23505') throw e
    }
    id = await findReceivableIdByItem(db, input.memberId, itemId)
  }
  if (id === null)
    throw new RobotError(
      'robot.receivable-unknown',
      `Receivable item ${itemId} is not in the app's ledger yet (it needs an invoice number, dates and an amount)`,
    )
  return id
}

/** The language of the portal for texts a robot returns. */
export async function portalLang(input: RobotRunInput): Promise<'ru' | 'en'> {
  const p = await input.ctx.repos.portals.get(input.memberId)
  return p?.lang === 'en' ? 'en' : 'ru'
}
