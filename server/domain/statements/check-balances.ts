// The balance check of a statement: for every account block, opening + in - out must equal the
// closing balance, and the file's own documents should add up to the block's totals.
import type { BalanceCheck, ParsedStatement } from './types.ts'

const rub = (k: number) => `${(k / 100).toFixed(2)}`

export function checkBalances(s: Pick<ParsedStatement, 'balances' | 'documents'>): BalanceCheck[] {
  return s.balances.map((b) => {
    const inPeriod = (d: string | null) => d === null || ((!b.from || d >= b.from) && (!b.to || d <= b.to))
    let documentsIncoming = 0
    let documentsOutgoing = 0
    for (const d of s.documents) {
      if (d.ourAccount !== b.account || !inPeriod(d.valueDate)) continue
      if (d.direction === 'incoming') documentsIncoming += d.amount
      else if (d.direction === 'outgoing') documentsOutgoing += d.amount
    }
    const difference = b.opening + b.incoming - b.outgoing - b.closing
    const docsAgree = documentsIncoming + (b.notDocuments?.incoming ?? 0) === b.incoming && documentsOutgoing + (b.notDocuments?.outgoing ?? 0) === b.outgoing
    const ok = difference === 0
    const message = !ok
      ? `account ${b.account}: opening ${rub(b.opening)} + in ${rub(b.incoming)} - out ${rub(b.outgoing)} = ${rub(b.opening + b.incoming - b.outgoing)}, but the closing balance is ${rub(b.closing)}`
      : docsAgree
        ? `account ${b.account}: balances agree`
        : `account ${b.account}: balances agree, but the file's documents add up to in ${rub(documentsIncoming)} / out ${rub(documentsOutgoing)} instead of ${rub(b.incoming)} / ${rub(b.outgoing)} (the file may be incomplete)`
    return { account: b.account, ok: ok && docsAgree, difference, documentsIncoming, documentsOutgoing, message }
  })
}
