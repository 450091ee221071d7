// What a robot runs on: the receivable (or other process item) behind the business process's document.
import type { RobotRunInput } from './types.ts'
import { RobotError } from './types.ts'
import type { InstallState } from '../../server/bitrix24/install-state.ts'
import { findReceivableIdByItem } from '../../server/use-cases/find-receivable-by-item.ts'

type ProcessKey = 'receivables' | 'claims' | 'approvals'

export async function installStateOf(input: RobotRunInput): Promise<InstallState> {
  const state = await input.ctx.repos.installState.get(input.memberId)
  if (!state) throw new RobotError('robot.not-installed', 'The app is not installed in this portal yet; open the app once to finish the install')
  return state
}

/** The item id when the document is an item of our process `key`, else a clear error. */
export async function processItemOf(input: RobotRunInput, key: ProcessKey): Promise<{ itemId: number; entityTypeId: number; state: InstallState }> {
  const state = await installStateOf(input)
  const p = state.processes[key]
  const d = input.document
  if (!p || d.kind !== 'dynamic' || d.entityTypeId !== p.entityTypeId) {
    throw new RobotError('robot.wrong-document', `This robot runs on items of the "${key}" smart process, not on ${d.raw.join('/').slice(0, 80)}`)
  }
  return { itemId: d.id, entityTypeId: p.entityTypeId, state }
}

/** The ledger receivable of the current Receivables item. */
export async function currentReceivableId(input: RobotRunInput): Promise<number> {
  const { itemId } = await processItemOf(input, 'receivables')
  const id = await findReceivableIdByItem(input.ctx.database.db, input.memberId, itemId)
  if (id === null) throw new RobotError('robot.receivable-unknown', `Receivable item ${itemId} is not in the app's ledger yet (it needs an invoice number, dates and an amount)`)
  return id
}

/** The language of the portal for texts a robot returns. */
export async function portalLang(input: RobotRunInput): Promise<'ru' | 'en'> {
  const p = await input.ctx.repos.portals.get(input.memberId)
  return p?.lang === 'en' ? 'en' : 'ru'
}
