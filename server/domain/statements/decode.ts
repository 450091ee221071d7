// Bytes to text for bank files: the encoding is sniffed from the bytes, not trusted from the
// header (tools store UTF-8 under "Кодировка=Windows"). Valid UTF-8 wins; otherwise the file is
// CP866 when its keys read right in CP866, else Windows-1251. A UTF-8 byte-order mark is dropped.

export type TextEncodingName = 'utf-8' | 'windows-1251' | 'cp866'

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeStatementBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' }
  } catch {
    // not UTF-8: a single-byte Cyrillic code page
  }
  // the header key itself reads right only in the file's own code page
  if (/Кодировка|СекцияДокумент|Сумма=/.test(decodeCp866(body.subarray(0, 8192))))
    return { text: decodeCp866(body), encoding: 'cp866' }
  return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' }
}

// CP866: 0x80-0xAF А..п, 0xE0-0xEF р..я, 0xF0 Ё, 0xF1 ё, 0xFC №; box drawing and the rest are not
// expected in bank files and become U+FFFD.
const CP866 = Array.from({ length: 256 }, (_, b) =>
  b < 0x80
    ? b
    : b <= 0xaf
      ? 0x410 + (b - 0x80)
      : b >= 0xe0 && b <= 0xef
        ? 0x440 + (b - 0xe0)
        : b === 0xf0
          ? 0x401
          : b === 0xf1
            ? 0x451
            : b === 0xfc
              ? 0x2116
              : 0xfffd,
)

function decodeCp866(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) codes[i] = CP866[bytes[i]]
  let out = ''
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192))
  return out
}
