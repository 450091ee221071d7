// A database error that says the connection died or cannot be made (server restart or outage, admin
// termination, network, a full pool that cannot connect), not that the statement was wrong: SQLSTATE
// class 08, 57P01-57P03, or the driver's own words; also when wrapped (pg-boss, Kysely) as `cause`.
export function isConnectionLost(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (isLost(cur)) return true
    cur = (cur as { cause?: unknown }).cause
  }
  return false
}

function isLost(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null
  const code = typeof err?.code === 'string' ? err.code : ''
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true
  if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
    return true
  const message = typeof err?.message === 'string' ? err.message : ''
  return /Connection terminated|terminating connection|Client has encountered a connection error|Connection is closed|timeout exceeded when trying to connect|connect ECONNREFUSED|PGlite is closed/i.test(
    message,
  )
}
