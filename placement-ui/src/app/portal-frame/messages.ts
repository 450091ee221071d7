// The child side of the portal frame's postMessage protocol (stack notes section 2; what B24Frame
// speaks, https://apidocs.bitrix24.com/sdk/bx24-js-sdk/): commands go up as
// `<command>:<paramsJSON>:<callbackId>:<appSid>` (no params part when empty) to the portal's origin
// only; the portal answers `<callbackId>:<resultJSON>`, and only answers from that origin count.

/** Commands the portal may leave unanswered: they settle with an empty answer after this many ms. */
const SAFE_COMMANDS: Record<string, number> = { resizeWindow: 900, setTitle: 900, setScroll: 900 }

export type SendCommand = (command: string, params?: Record<string, unknown>) => Promise<unknown>

let lastId = 0
const callbackId = () => `${Date.now().toString(36)}${(++lastId).toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** The portal's answer text after the callback id: JSON, or '' for a bare id; null when it is not JSON. */
export function parseReply(data: string): { id: string; value: unknown } | null {
  const i = data.indexOf(':')
  const id = i < 0 ? data : data.slice(0, i)
  const rest = i < 0 ? '' : data.slice(i + 1)
  if (!rest) return { id, value: '' }
  try {
    return { id, value: JSON.parse(rest) as unknown }
  } catch {
    return null
  }
}

/** One sender per page: answers are matched to their command by the callback id. */
export function createMessenger(target: Window, origin: string, appSid: string, host: Window = window): SendCommand {
  const pending = new Map<string, (value: unknown) => void>()
  host.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== origin || typeof e.data !== 'string') return
    const reply = parseReply(e.data)
    const done = reply && pending.get(reply.id)
    if (!reply || !done) return
    pending.delete(reply.id)
    done(reply.value)
  })
  return (command, params) =>
    new Promise((resolve) => {
      const id = callbackId()
      pending.set(id, resolve)
      const body = params && Object.keys(params).length ? `${JSON.stringify(params)}:` : ''
      target.postMessage(`${command}:${body}${id}:${appSid}`, origin)
      const safe = SAFE_COMMANDS[command]
      if (safe)
        setTimeout(() => {
          if (pending.delete(id)) resolve({})
        }, safe)
    })
}
