// Paths the logger must never print (tokens and secrets in any payload shape we log).
export const REDACT_PATHS = [
  'auth',
  '*.auth',
  '*.*.auth',
  'AUTH_ID',
  '*.AUTH_ID',
  'REFRESH_ID',
  '*.REFRESH_ID',
  'access_token',
  '*.access_token',
  '*.*.access_token',
  'refresh_token',
  '*.refresh_token',
  '*.*.refresh_token',
  'application_token',
  '*.application_token',
  '*.*.application_token',
  'APPLICATION_TOKEN',
  '*.APPLICATION_TOKEN',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'client_secret',
  '*.client_secret',
]

/** A query key that carries a token, a secret or a signature, in any spelling (AUTH_ID, auth[access_token], REFRESH_ID…). */
const SECRET_KEY = /token|secret|auth|refresh|password|passwd|signature|sig$|^s$|^code$|^key$|api_?key/i

/**
 * A URL fit for the log: the value of every token-bearing query key is replaced, and a signed link
 * (/files/…: the query is the credential) keeps only its path.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  const path = url.slice(0, q)
  if (path.startsWith('/files/')) return `${path}?[redacted]`
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const raw = eq < 0 ? pair : pair.slice(0, eq)
      let key = raw
      try {
        key = decodeURIComponent(raw.replace(/\+/g, ' '))
      } catch {
        // an undecodable key is judged as written
      }
      return SECRET_KEY.test(key) ? `${raw}=[redacted]` : pair
    })
  return `${path}?${parts.join('&')}`
}
