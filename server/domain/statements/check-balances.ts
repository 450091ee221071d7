// The balance check of a statement: for every balance block, opening + in - out must equal the
// closing balance, and the file's own documents should add up to the block's totals. A block that
// closes one statement of the file (camt.053 Stmt, MT940 message) is checked against that
// statement's documents only; a 1C block against the documents of its account and period. A camt.053
// or MT940 statement without its opening or closing balance, or a 1C balance block that cannot be
// read, fails the check (nothing can be verified).
import type { BalanceBlock, BalanceCheck, ParsedStatement, StatementDocument } from './types.ts'

const rub = (k: number) => `${(k / 100).toFixed(2)}`

function belongs(b: BalanceBlock, d: StatementDocument): boolean {
  if (b.statement !== undefined) return d.statement === b.statement && d.ourAccount === b.account
  const inPeriod = d.valueDate === null || ((!b.from || d.valueDate >= b.from) && (!b.to || d.valueDate <= b.to))
  return d.ourAccount === b.account && inPeriod
}

export function checkBalances(
  s: Pick<ParsedStatement, 'balances' | 'documents'> & Partial<Pick<ParsedStatement, 'warnings'>>,
): BalanceCheck[] {
  const missing: BalanceCheck[] = (s.warnings ?? [])
    .filter((w) => w.code === 'balance-missing' || w.code === 'balance-unreadable')
    .map((w) => ({
      account: '',
      statement: Number(w.params.statement) || undefined,
      ok: false,
      difference: 0,
      documentsIncoming: 0,
      documentsOutgoing: 0,
      message: `statement ${w.params.statement}: no opening or closing balance or no account; nothing can be verified`,
      code: 'balances.missing',
      params: { statement: w.params.statement },
    }))
  return [...checked(s), ...missing]
}

/** Nothing from a statement is recorded automatically unless every check passes. */
export const balancesAllowRecording = (checks: readonly Pick<BalanceCheck, 'ok'>[]) => checks.every((c) => c.ok)

function checked(s: Pick<ParsedStatement, 'balances' | 'documents'>): BalanceCheck[] {
  return s.balances.map((b) => {
    let documentsIncoming = 0
    let documentsOutgoing = 0
    for (const d of s.documents) {
      if (!belongs(b, d)) continue
      if (d.direction === 'incoming') documentsIncoming += d.amount
      else if (d.direction === 'outgoing') documentsOutgoing += d.amount
    }
    const difference = b.opening + b.incoming - b.outgoing - b.closing
    const docsAgree =
      documentsIncoming + (b.notDocuments?.incoming ?? 0) === b.incoming &&
      documentsOutgoing + (b.notDocuments?.outgoing ?? 0) === b.outgoing
    const ok = difference === 0
    const params = {
      account: b.account,
      opening: b.opening,
      incoming: b.incoming,
      outgoing: b.outgoing,
      closing: b.closing,
      computed: b.opening + b.incoming - b.outgoing,
      documentsIncoming,
      documentsOutgoing,
    }
    const code = !ok ? 'balances.mismatch' : docsAgree ? 'balances.agree' : 'balances.incomplete'
    const message = !ok
      ? `account ${b.account}: opening ${rub(b.opening)} + in ${rub(b.incoming)} - out ${rub(b.outgoing)} = ${rub(b.opening + b.incoming - b.outgoing)}, but the closing balance is ${rub(b.closing)}`
      : docsAgree
        ? `account ${b.account}: balances agree`
        : `account ${b.account}: balances agree, but the file's documents add up to in ${rub(documentsIncoming)} / out ${rub(documentsOutgoing)} instead of ${rub(b.incoming)} / ${rub(b.outgoing)} (the file may be incomplete)`
    return {
      account: b.account,
      ...(b.statement !== undefined ? { statement: b.statement } : {}),
      ok: ok && docsAgree,
      difference,
      documentsIncoming,
      documentsOutgoing,
      message,
      code,
      params,
    }
  })
}
