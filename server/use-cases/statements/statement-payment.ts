// What a payment recorded from a statement line says: its unique reference and its comment.
import { formatDate } from '../../documents/format.ts'
import type { StatementLine } from '../../storage/repositories/statements.ts'

export const statementPaymentRef = (lineId: number, receivableId: number) => `L${lineId}:R${receivableId}`

export function paymentComment(line: StatementLine, lang: 'ru' | 'en'): string {
  return lang === 'ru'
    ? `Банковская выписка: п/п № ${line.docNumber || '—'}${line.valueDate ? ` от ${formatDate(line.valueDate, 'ru')}` : ''}, ${line.payerName || 'плательщик не указан'}`
    : `Bank statement: payment order ${line.docNumber || '—'}${line.valueDate ? ` of ${line.valueDate}` : ''}, ${line.payerName || 'payer unknown'}`
}
