// Short-lived signed links for files a browser opens directly (no Authorization header on a link):
// HMAC-SHA256 over the portal, the object and the expiry, with the app's secret key.
import { createHmac, timingSafeEqual } from 'node:crypto'

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url')

export function signLink(
  secret: string,
  path: string,
  memberId: string,
  id: number,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const e = Math.floor(now / 1000) + ttlSeconds
  const s = sign(secret, `${memberId}:${id}:${e}`)
  return `${path}/${id}?m=${encodeURIComponent(memberId)}&e=${e}&s=${s}`
}

export function verifyLink(
  secret: string,
  memberId: string,
  id: number,
  e: number,
  s: string,
  now = Date.now(),
): boolean {
  if (!Number.isSafeInteger(e) || e < Math.floor(now / 1000)) return false
  const want = Buffer.from(sign(secret, `${memberId}:${id}:${e}`))
  const got = Buffer.from(s)
  return want.length === got.length && timingSafeEqual(want, got)
}
