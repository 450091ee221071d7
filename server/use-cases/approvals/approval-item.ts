// The approval item of the portal read through the install state: pipeline, stage, facts and the
// fields the route needs. Also the writes' field names (stage, approver, rejection reason).
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { PipelineKey, RequestFacts } from '../../domain/approvals/index.ts'
import type { RequestInput } from '../../domain/approvals/index.ts'
import { parseDayValue, parseMoneyValue } from '../receivables/receivable-item-fields.ts'

export interface ApprovalItem {
  id: number
  pipeline: PipelineKey | null
  stage: string | null
  facts: RequestFacts
  input: RequestInput
  title: string
  paymentOrderAttached: boolean
  rejectionReason: string | null
  pauseReason: string | null
  /** Who made the last stage move / update (the actor of a stage move in the portal). */
  movedBy: number | null
  updatedBy: number | null
}

const num = (v: unknown): number | null => {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
const hasFile = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.length > 0
    : !!v && (typeof v === 'object' || (typeof v === 'string' && v !== '') || typeof v === 'number')

export function fieldOf(p: InstalledProcess, key: string): string {
  const f = p.fields[key]
  if (!f) throw new Error(`approvals field "${key}" is not installed`)
  return f.restName
}

export function stageIdOf(p: InstalledProcess, pipeline: PipelineKey, code: string): string {
  const id = p.pipelines[pipeline]?.stages[code]
  if (!id) throw new Error(`approvals stage ${pipeline}/${code} is not installed`)
  return id
}

export function readApprovalItem(p: InstalledProcess, item: Record<string, unknown>): ApprovalItem {
  const get = (key: string) => (p.fields[key] ? item[p.fields[key].restName] : undefined)
  let pipeline: PipelineKey | null = null
  let stage: string | null = null
  for (const [key, pl] of Object.entries(p.pipelines)) {
    if (pl.categoryId !== Number(item.categoryId) && !Object.values(pl.stages).includes(String(item.stageId))) continue
    pipeline = key as PipelineKey
    stage = Object.entries(pl.stages).find(([, id]) => id === item.stageId)?.[0] ?? null
  }
  const costOption = num(get('costItem'))
  const options = p.fields.costItem?.options ?? {}
  const costItem =
    costOption === null
      ? text(get('costItem'))
      : (Object.entries(options).find(([, id]) => id === costOption)?.[0] ?? String(costOption))
  const counterparty = Array.isArray(get('counterparty'))
    ? text((get('counterparty') as unknown[])[0])
    : text(get('counterparty'))
  const amount = parseMoneyValue(get('amount'))?.kopecks ?? null
  const initiatorId = num(get('initiator')) ?? num(item.createdBy) ?? num(item.assignedById) ?? 0
  return {
    id: Number(item.id),
    pipeline,
    stage,
    title: typeof item.title === 'string' ? item.title : `#${item.id}`,
    facts: { initiatorId, amount, costItem, paymentDeadline: parseDayValue(get('paymentDeadline')) },
    input: {
      counterparty,
      amount,
      costItem,
      invoiceAttached: hasFile(get('invoiceFile')),
      contractAttached: hasFile(get('contractFile')),
    },
    paymentOrderAttached: hasFile(get('paymentOrderFile')),
    rejectionReason: text(get('rejectionReason')),
    pauseReason: text(get('pauseReason')),
    movedBy: num(item.movedBy),
    updatedBy: num(item.updatedBy),
  }
}
