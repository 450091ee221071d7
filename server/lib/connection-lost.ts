// A database error that says the connection died (server restart, admin termination, network),
// not that the statement was wrong: SQLSTATE class 08, 57P01-57P03, or the driver's own words.
export function isConnectionLost(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null
  const code = typeof err?.code === 'string' ? err.code : ''
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true
  if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code)) return true
  const message = typeof err?.message === 'string' ? err.message : ''
  return /Connection terminated|terminating connection|Client has encountered a connection error|Connection is closed/i.test(message)
}
