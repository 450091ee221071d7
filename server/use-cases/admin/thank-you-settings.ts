// The admin's switch for the thank-you e-mail on Paid (setting 'receivables.thank-you'): on/off,
// subject and text with the {invoice} variable; validated (unknown variables named), audited.
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { THANK_YOU_DEFAULTS, THANK_YOU_SETTING, type ThankYouSetting } from '../receivables/thank-you.ts'

export interface ThankYouSettingsDto {
  enabled: boolean
  subject: string
  template: string
  defaults: typeof THANK_YOU_DEFAULTS
}

export async function readThankYou(
  ports: Pick<ReceivablesPorts, 'settings' | 'portalOf'>,
  memberId: string,
): Promise<ThankYouSettingsDto> {
  const s = (await ports.settings.get<ThankYouSetting>(memberId, THANK_YOU_SETTING)) ?? { enabled: false }
  const lang = (await ports.portalOf(memberId))?.lang === 'en' ? 'en' : 'ru'
  return {
    enabled: Boolean(s.enabled),
    subject: s.subject || THANK_YOU_DEFAULTS[lang].subject,
    template: s.template || THANK_YOU_DEFAULTS[lang].template,
    defaults: THANK_YOU_DEFAULTS,
  }
}

export async function saveThankYou(ports: ReceivablesPorts, who: Actor, body: unknown): Promise<ThankYouSettingsDto> {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : null) as Record<string, unknown> | null
  if (!b)
    throw new LedgerError('invalid', 'settings.invalid', 'the body must be an object { enabled, subject, template }')
  if (typeof b.enabled !== 'boolean')
    throw new LedgerError('invalid', 'settings.invalid', 'enabled must be true or false')
  const text = (k: 'subject' | 'template', max: number) => {
    const v = b[k] ?? ''
    if (typeof v !== 'string') throw new LedgerError('invalid', 'settings.invalid', `${k} must be text`)
    if (v.length > max) throw new LedgerError('invalid', 'settings.invalid', `${k} is longer than ${max} characters`)
    return v.trim()
  }
  const subject = text('subject', 200)
  const template = text('template', 2000)
  const unknown = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((v) => v !== 'invoice')
  if (unknown.length)
    throw new LedgerError(
      'invalid',
      'settings.invalid',
      `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((v) => `{${v}}`).join(', ')}: only {invoice} is known`,
    )
  if (b.enabled && !template)
    throw new LedgerError('invalid', 'settings.invalid', 'the text of the thank-you message is empty')
  const next: ThankYouSetting = {
    enabled: b.enabled,
    ...(subject ? { subject } : {}),
    ...(template ? { template } : {}),
  }
  await ports.settings.set(who.memberId, THANK_YOU_SETTING, next, who.actor)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.changed',
    entity: 'setting',
    entityId: THANK_YOU_SETTING,
    details: next,
  })
  return readThankYou(ports, who.memberId)
}
