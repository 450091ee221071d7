// The payment QR codes of a reminder: one per invoice it names, for what is still owed on it
// (the remaining amount, not the invoice's), with our requisites (the entity of the invoice's
// contract); attached to the e-mail as PNG images and sent to Telegram as photos. An invoice whose
// requisites are incomplete gets no QR code: the reminder itself still goes out.
import { formatAmount } from '../../domain/money/index.ts'
import { PaymentQrError } from '../../domain/money/payment-qr-payload.ts'
import { invoiceQrPayload, qrPng } from '../../documents/payment-qr.ts'
import { receivablesRepository } from '../../storage/repositories/receivables.ts'
import { invoiceModelOf } from '../receivables/invoice-document.ts'
import type { DunningPorts } from './dunning-ports.ts'

export interface ReminderQr {
  receivableId: number
  fileName: string
  png: Buffer
  caption: string
}

export async function reminderQrCodes(
  ports: Pick<DunningPorts, 'db' | 'settings' | 'log'>,
  memberId: string,
  receivableIds: readonly number[],
  lang: 'ru' | 'en',
): Promise<ReminderQr[]> {
  const out: ReminderQr[] = []
  const repo = receivablesRepository(ports.db)
  for (const id of [...new Set(receivableIds)]) {
    const rec = await repo.get(memberId, id)
    if (!rec || rec.remaining <= 0 || rec.currency !== 'RUB') continue
    const built = await invoiceModelOf(ports, rec, lang, {}, false)
    if (!built || 'missing' in built) continue
    const line = built.model.lines[0]
    const owed = { ...built.model, lines: [{ ...line, price: rec.remaining, amount: rec.remaining }] }
    let payload: string
    try {
      payload = invoiceQrPayload(owed)
    } catch (e) {
      if (!(e instanceof PaymentQrError)) throw e
      ports.log.warn({ memberId, receivableId: id, field: e.field }, 'dunning.qr-skipped')
      continue
    }
    const amount = formatAmount(rec.remaining, lang)
    out.push({
      receivableId: id,
      fileName: `qr-${rec.invoiceNumber.replace(/[^A-Za-z0-9А-Яа-яЁё-]/g, '_')}.png`,
      png: await qrPng(payload),
      caption:
        lang === 'ru'
          ? `QR-код для оплаты счёта № ${rec.invoiceNumber}: ${amount} ₽`
          : `Payment QR code for invoice ${rec.invoiceNumber}: RUB ${amount}`,
    })
  }
  return out
}
