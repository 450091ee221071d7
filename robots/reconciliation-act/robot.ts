// Makes the reconciliation act (PDF and XLSX) of the counterparty behind the document: the company
// or contact itself, or the counterparty of the current receivable; one contract (by its number) or
// all, for a period; returns its number, the closing balance and links to both files.
import { defineRobot } from '../kit/define-robot.ts'
import { currentReceivableId } from '../kit/current-item.ts'
import { rublesValue } from '../kit/money.ts'
import { RobotError, type RobotRunInput } from '../kit/types.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { generateReconciliationAct } from '../../server/use-cases/receivables/generate-reconciliation-act.ts'
import { reconciliationActLink } from '../../server/use-cases/receivables/reconciliation-act-link.ts'
import { receivablesRepository } from '../../server/storage/repositories/receivables.ts'
import { counterpartiesRepository, type CounterpartyType } from '../../server/storage/repositories/counterparties.ts'
import { contractsRepository } from '../../server/storage/repositories/contracts.ts'
import { LedgerError } from '../../server/use-cases/receivables/ledger-error.ts'

async function counterpartyOf(input: RobotRunInput): Promise<{ type: CounterpartyType; entityId: number }> {
  const d = input.document
  if (d.kind === 'company' || d.kind === 'contact') return { type: d.kind, entityId: d.id }
  const receivableId = await currentReceivableId(input)
  const rec = (await receivablesRepository(input.ctx.database.db).get(input.memberId, receivableId))!
  const cp = await counterpartiesRepository(input.ctx.database.db).get(input.memberId, rec.counterpartyId)
  if (!cp) throw new RobotError('robot.counterparty-unknown', 'The receivable has no counterparty in the ledger')
  return { type: cp.entityType, entityId: cp.entityId }
}

export default defineRobot({
  code: 'reconciliation-act',
  name: { ru: 'Сформировать акт сверки', en: 'Make the reconciliation statement' },
  description: {
    ru: 'Акт сверки взаиморасчётов с контрагентом за период (по договору или по всем): PDF и XLSX, сальдо на начало и конец, все счета и оплаты',
    en: 'The reconciliation statement with the counterparty for a period (one contract or all): PDF and XLSX, opening and closing balances, every invoice and payment',
  },
  documents: ['receivables', 'company', 'contact'],
  properties: {
    dateFrom: { name: { ru: 'Период с', en: 'Period from' }, type: 'date', required: true },
    dateTo: { name: { ru: 'Период по (пусто — сегодня)', en: 'Period to (empty: today)' }, type: 'date' },
    contract: { name: { ru: 'Номер договора (пусто — все)', en: 'Contract number (empty: all)' }, type: 'string' },
    linkDays: { name: { ru: 'Ссылка действует, дней', en: 'Link valid for, days' }, type: 'int', default: 7 },
  },
  returnProperties: {
    number: { name: { ru: 'Номер акта', en: 'Statement number' }, type: 'string' },
    pdfLink: { name: { ru: 'Ссылка на PDF', en: 'PDF link' }, type: 'string' },
    xlsxLink: { name: { ru: 'Ссылка на XLSX', en: 'XLSX link' }, type: 'string' },
    closing: {
      name: { ru: 'Сальдо конечное, руб. (минус — аванс)', en: 'Closing balance, RUB (minus: advance)' },
      type: 'double',
    },
  },
  async run(input) {
    const cp = await counterpartyOf(input)
    const ports = receivablesPorts(input.ctx)
    const number = String(input.properties.contract ?? '').trim()
    let contractId: number | null = null
    if (number) {
      const found = await counterpartiesRepository(ports.db).find(input.memberId, cp.type, cp.entityId)
      const list = found ? await contractsRepository(ports.db).listByCounterparty(input.memberId, found.id) : []
      const c = list.find((x) => x.number === number)
      if (!c)
        throw new RobotError('robot.contract-unknown', `The counterparty has no contract "${number.slice(0, 60)}"`)
      contractId = c.id
    }
    const to = input.properties.dateTo ? String(input.properties.dateTo) : undefined
    let act
    try {
      act = await generateReconciliationAct(
        ports,
        input.memberId,
        { ...cp, contractId, from: String(input.properties.dateFrom), ...(to ? { to } : {}) },
        `robot:${input.workflowId}`,
      )
    } catch (e) {
      if (e instanceof LedgerError) throw new RobotError(`robot.${e.code}`, e.message)
      throw e
    }
    const days = Math.min(30, Math.max(1, Number(input.properties.linkDays ?? 7)))
    const link = (kind: 'pdf' | 'xlsx') =>
      reconciliationActLink(
        input.ctx.config.secretKey,
        input.memberId,
        act.id,
        kind,
        days * 86_400,
        input.ctx.clock.now().getTime(),
        input.ctx.config.http.baseUrl,
      )
    return {
      values: {
        number: act.number,
        pdfLink: link('pdf'),
        xlsxLink: link('xlsx'),
        closing: rublesValue(act.model.act.closing),
      },
      log: `Reconciliation statement ${act.number}: closing ${rublesValue(act.model.act.closing)} RUB`,
    }
  },
})
