// The sender of the app's e-mails to clients (setting 'channels.emailSender': { name, address }).
// Empty = the portal decides: the responsible employee's CRM mailbox, then the shared CRM mailbox
// (reference 13.1). Set = every e-mail activity we add carries SETTINGS.MESSAGE_FROM "Name <address>".
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'

export const EMAIL_SENDER_SETTING = 'channels.emailSender'
export interface EmailSender {
  name: string
  address: string
}

export async function readEmailSender(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<EmailSender | null> {
  return (await ports.settings.get<EmailSender>(memberId, EMAIL_SENDER_SETTING)) ?? null
}

/** The fields an e-mail activity needs so the portal sends it from our sender (none when unset). */
export async function emailSenderFields(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<{ SETTINGS?: { MESSAGE_FROM: string } }> {
  const s = await readEmailSender(ports, memberId)
  return s ? { SETTINGS: { MESSAGE_FROM: s.name ? `${s.name} <${s.address}>` : s.address } } : {}
}

const ADDRESS = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/

export async function saveEmailSender(ports: ReceivablesPorts, who: Actor, body: unknown): Promise<EmailSender | null> {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : null) as Record<string, unknown> | null
  if (!b)
    throw new LedgerError(
      'invalid',
      'settings.invalid',
      'the body must be an object { name, address } (both empty to let the portal choose)',
    )
  const name = typeof b.name === 'string' ? b.name.trim() : ''
  const address = typeof b.address === 'string' ? b.address.trim() : ''
  if (b.name !== undefined && typeof b.name !== 'string')
    throw new LedgerError('invalid', 'settings.invalid', 'name must be text')
  if (b.address !== undefined && typeof b.address !== 'string')
    throw new LedgerError('invalid', 'settings.invalid', 'address must be text')
  if (name.length > 100 || /[<>"\r\n]/.test(name))
    throw new LedgerError('invalid', 'settings.invalid', 'name: up to 100 characters, without < > " or line breaks')
  if (!address && name)
    throw new LedgerError('invalid', 'settings.invalid', 'address: the sender needs an e-mail address')
  if (address && (address.length > 254 || !ADDRESS.test(address)))
    throw new LedgerError('invalid', 'settings.invalid', `address: "${address}" is not an e-mail address`)
  const next = address ? { name, address } : null
  await ports.settings.set(who.memberId, EMAIL_SENDER_SETTING, next, who.actor)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.changed',
    entity: 'setting',
    entityId: EMAIL_SENDER_SETTING,
    details: next,
  })
  return next
}
