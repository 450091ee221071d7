// After a statement import is matched, each person responsible for receivables it paid hears once:
// one digest per person and import (how many payments, the total, the invoices), instead of one
// notification per payment (a 5,000-line statement sent thousands). The per-payment notice of the
// mirror is skipped for payments the statement matcher recorded (mirror-receivable.ts).
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { notifyEmployee } from '../dunning/dunning-channels.ts'
import { statementsRepository } from '../../storage/repositories/statements.ts'
import { receivablesRepository } from '../../storage/repositories/receivables.ts'
import { formatAmount } from '../../domain/money/format-rubles.ts'

/** The actor of payments the statement matcher records by itself. */
export const STATEMENT_AUTO_ACTOR = 'statement:auto'

export async function tellResponsibles(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  imp: { id: number; fileName: string },
  lang: 'ru' | 'en',
): Promise<void> {
  const repo = statementsRepository(ports.db)
  const receivables = receivablesRepository(ports.db)
  const byUser = new Map<number, { count: number; total: number; invoices: Set<string> }>()
  for (let afterId = 0; ;) {
    const page = await repo.lines(memberId, { importId: imp.id, status: 'matched', afterId, limit: 500 })
    if (!page.length) break
    afterId = page[page.length - 1].id
    for (const line of page)
      for (const a of line.allocations) {
        const rec = await receivables.get(memberId, a.receivableId)
        if (!rec?.responsibleId) continue
        const d = byUser.get(rec.responsibleId) ?? { count: 0, total: 0, invoices: new Set<string>() }
        d.count++
        d.total += a.amount
        d.invoices.add(rec.invoiceNumber)
        byUser.set(rec.responsibleId, d)
      }
  }
  for (const [userId, d] of byUser) {
    const invoices = [...d.invoices].slice(0, 10).join(', ') + (d.invoices.size > 10 ? ' …' : '')
    const text =
      lang === 'ru'
        ? `Выписка «${imp.fileName}»: по вашим счетам разнесено оплат — ${d.count}, на ${formatAmount(d.total, 'ru')} ₽ (счета: ${invoices}).`
        : `Statement "${imp.fileName}": ${d.count} payment(s) recorded on your invoices, ${formatAmount(d.total, 'en')} RUB (invoices: ${invoices}).`
    await notifyEmployee(
      ports,
      client,
      memberId,
      effectKeys.statementPaymentsDigest(memberId, imp.id, userId),
      userId,
      text,
    )
  }
}
