// A small XML reader for bank messages (camt.053): elements, attributes, text; namespaces are
// dropped to local names; comments, processing instructions and DOCTYPE are skipped (no entities
// beyond the five predefined and numeric ones are expanded, so no entity bombs). Every element
// knows the line it starts on, for messages.
import { StatementError } from './statement-error.ts'

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  text: string
  line: number
}

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
/** XML 1.0 `Char`: a reference to anything else (&#0;, &#xD800;, &#x110000;) makes the document ill-formed. */
const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff)
const charRef = (e: string) => {
  const c = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
  if (!isXmlChar(c)) throw new StatementError('statement.malformed', `XML: &${e}; is not a character XML allows`)
  return String.fromCodePoint(c)
}
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? charRef(e) : ENT[e.toLowerCase()],
  )
const local = (n: string) => n.slice(n.indexOf(':') + 1)

export function parseXml(text: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '', line: 1 }
  const stack: XmlNode[] = [root]
  const re =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[^\]]*\])?\s*>|<\/\s*([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy
  let m: RegExpExecArray | null
  let pos = 0
  let line = 1
  const fail = (message: string) => new StatementError('statement.malformed', message, { line })
  while (pos < text.length) {
    re.lastIndex = pos
    m = re.exec(text)
    if (!m) throw fail(`XML cannot be read on line ${line}`)
    const at = line
    for (let k = m[0].indexOf('\n'); k >= 0; k = m[0].indexOf('\n', k + 1)) line++
    pos = re.lastIndex
    const top = stack[stack.length - 1]
    if (m[1] !== undefined) top.text += m[1]
    else if (m[2] !== undefined) {
      if (stack.length < 2 || top.name !== local(m[2])) throw fail(`XML: unexpected </${m[2]}> on line ${at}`)
      stack.pop()
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {}
      for (const a of m[4].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[local(a[1])] = unescape(a[2] ?? a[3] ?? '')
      const node: XmlNode = { name: local(m[3]), attrs, children: [], text: '', line: at }
      top.children.push(node)
      if (m[5] !== '/') {
        if (stack.length > 64) throw fail('XML nested too deeply')
        stack.push(node)
      }
    } else if (m[6] !== undefined) top.text += unescape(m[6])
  }
  if (stack.length !== 1) throw fail(`XML: <${stack[stack.length - 1].name}> is not closed`)
  return root
}

/** The first descendant along a path of local names (child by child). */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let n = node
  for (const p of path) n = n?.children.find((c) => c.name === p)
  return n
}
export const all = (node: XmlNode | undefined, name: string) => node?.children.filter((c) => c.name === name) ?? []
export const textOf = (node: XmlNode | undefined, ...path: string[]) => at(node, ...path)?.text.trim() ?? ''
