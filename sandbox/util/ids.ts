import { randomBytes } from 'node:crypto'

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** Token shaped like Bitrix24's: 70 hex-ish characters. */
export function newToken(): string {
  return randomHex(35)
}
