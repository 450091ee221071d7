// Paid -> an optional thank-you e-mail to the counterparty (setting 'receivables.thank-you', off by
// default). crm.activity.add TYPE_ID 4 + DIRECTION 2 + COMPLETED Y sends it and records it in the card.
import { effectKeys } from '../effect-keys.ts'
import type { BatchCommand, PortalClient } from '../../bitrix24/client/portal-client.ts'
import { withEmail } from './counterparty-email.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import type { Counterparty } from '../../storage/repositories/counterparties.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { emailSenderFields } from '../admin/email-sender-settings.ts'

export interface ThankYouSetting {
  enabled: boolean
  subject?: string
  template?: string
}
export const THANK_YOU_SETTING = 'receivables.thank-you'

export const THANK_YOU_DEFAULTS = {
  ru: {
    subject: 'Спасибо за оплату',
    template: 'Здравствуйте! Оплата по счёту {invoice} получена полностью. Спасибо!',
  },
  en: { subject: 'Thank you for your payment', template: 'Hello! Invoice {invoice} is paid in full. Thank you!' },
}

export const CRM_OWNER_TYPE = { company: 4, contact: 3 } as const

/** Sent at most once per receivable: a lost answer is not retried (a second thank-you is worse than none). */
export async function planThankYou(
  ports: ReceivablesPorts,
  client: PortalClient,
  rec: Receivable,
  known: Counterparty,
  p: InstalledProcess,
  itemId: number,
  lang: 'ru' | 'en',
): Promise<{ key: string; command: BatchCommand } | null> {
  const setting = await ports.settings.get<ThankYouSetting>(rec.memberId, THANK_YOU_SETTING)
  if (!setting?.enabled) return null
  // the e-mail may still be on its way with the item's own event: read it from the card if so
  const cp = await withEmail(ports, client, known)
  if (!cp.email) return null
  const key = effectKeys.thankYou(rec.memberId, rec.id)
  if ((await ports.effects.claim(key, rec.memberId)).state !== 'new') return null
  const text = (setting.template || THANK_YOU_DEFAULTS[lang].template).replaceAll('{invoice}', rec.invoiceNumber)
  return {
    key,
    command: {
      method: 'crm.activity.add',
      params: {
        fields: {
          OWNER_TYPE_ID: p.entityTypeId,
          OWNER_ID: itemId,
          TYPE_ID: 4,
          DIRECTION: 2,
          COMPLETED: 'Y',
          SUBJECT: setting.subject || THANK_YOU_DEFAULTS[lang].subject,
          DESCRIPTION: text,
          DESCRIPTION_TYPE: 1,
          RESPONSIBLE_ID: rec.responsibleId ?? 1,
          COMMUNICATIONS: [{ VALUE: cp.email, ENTITY_ID: cp.entityId, ENTITY_TYPE_ID: CRM_OWNER_TYPE[cp.entityType] }],
          ...(await emailSenderFields(ports, rec.memberId)),
        },
      },
    },
  }
}
