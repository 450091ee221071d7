// A self-signed TLS certificate the sandbox makes for itself (P-256 key, X.509 v3, subjectAltName
// IP 127.0.0.1 / ::1 / DNS localhost + the host it listens on), so clients that insist on https — the official
// SDK's B24Hook builds https:// URLs only — can talk to it. Plain DER built here with node:crypto; no dependency.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { isIP } from 'node:net'

export type TlsMaterial = { key: string; cert: string }

const len = (n: number): number[] => {
  if (n < 0x80) return [n]
  const out: number[] = []
  for (let v = n; v > 0; v >>= 8) out.unshift(v & 0xff)
  return [0x80 | out.length, ...out]
}
const tlv = (tag: number, body: Buffer | number[]): Buffer => {
  const b = Buffer.from(body)
  return Buffer.concat([Buffer.from([tag, ...len(b.length)]), b])
}
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts))
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts))

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number)
  const bytes = [a * 40 + b]
  for (const n of rest) {
    const chunk: number[] = []
    for (let v = n; ; v = Math.floor(v / 128)) {
      chunk.unshift((v % 128) | (chunk.length ? 0x80 : 0))
      if (v < 128) break
    }
    bytes.push(...chunk)
  }
  return tlv(0x06, bytes)
}

function utcTime(ms: number): Buffer {
  const s = new Date(ms).toISOString() // YYYY-MM-DDThh:mm:ss.sssZ
  return tlv(
    0x17,
    Buffer.from(
      `${s.slice(2, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}Z`,
    ),
  )
}

function ipBytes(ip: string): number[] {
  if (isIP(ip) === 4) return ip.split('.').map(Number)
  // IPv6: expand "::"
  const [head, tail = ''] = ip.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t]
  return groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff])
}

const ECDSA_SHA256 = '1.2.840.10045.4.3.2'

/** A fresh key and certificate valid for ten years from now, for 127.0.0.1, ::1, localhost and `host`. */
export function makeSelfSigned(host = '127.0.0.1', now = Date.now()): TlsMaterial {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const name = seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from('Bitrix24 sandbox')))))
  const ips = new Set(['127.0.0.1', '::1', ...(isIP(host) ? [host] : [])])
  const dns = new Set(['localhost', ...(isIP(host) ? [] : [host])])
  const san = seq(...[...ips].map((ip) => tlv(0x87, ipBytes(ip))), ...[...dns].map((d) => tlv(0x82, Buffer.from(d))))
  const extensions = tlv(
    0xa3,
    seq(
      seq(oid('2.5.29.19'), tlv(0x01, [0xff]), tlv(0x04, seq(tlv(0x01, [0xff])))), // basicConstraints cA, critical
      seq(oid('2.5.29.17'), tlv(0x04, san)), // subjectAltName
    ),
  )
  const serial = randomBytes(12)
  serial[0] &= 0x7f
  serial[0] |= 0x01
  const tbs = seq(
    tlv(0xa0, tlv(0x02, [2])), // v3
    tlv(0x02, serial),
    seq(oid(ECDSA_SHA256)),
    name,
    seq(utcTime(now - 86_400_000), utcTime(now + 10 * 365 * 86_400_000)),
    name,
    Buffer.from(spki),
    extensions,
  )
  const signature = sign('sha256', tbs, privateKey)
  const der = seq(tbs, seq(oid(ECDSA_SHA256)), tlv(0x03, Buffer.concat([Buffer.from([0]), signature])))
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n')
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`,
  }
}
