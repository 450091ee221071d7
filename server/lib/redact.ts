// Paths the logger must never print (tokens and secrets in any payload shape we log).
export const REDACT_PATHS = [
  'auth', '*.auth', '*.*.auth',
  'AUTH_ID', '*.AUTH_ID', 'REFRESH_ID', '*.REFRESH_ID',
  'access_token', '*.access_token', '*.*.access_token',
  'refresh_token', '*.refresh_token', '*.*.refresh_token',
  'application_token', '*.application_token', '*.*.application_token', 'APPLICATION_TOKEN', '*.APPLICATION_TOKEN',
  'req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]',
  'token', '*.token', 'secret', '*.secret', 'client_secret', '*.client_secret',
]

/** Strips token-looking query parameters from a URL before it is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:auth|access_token|refresh_token|application_token|AUTH_ID|REFRESH_ID|client_secret|code)=)[^&]*/gi, '$1[redacted]')
}
