// The invoice PDF of a receivable for the invoice tab ("Download the invoice"): made on request from
// the ledger, our legal entity and the buyer's requisites in the portal, in the portal's language.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { receivablesRepository } from '../../storage/repositories/receivables.ts'
import { LedgerError } from './ledger-error.ts'
import { buildInvoiceDocument } from './invoice-document.ts'
import { portalDay } from './receivable-calendar.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export async function readInvoicePdf(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  receivableId: number,
): Promise<{ fileName: string; pdf: Buffer }> {
  const rec = await receivablesRepository(ports.db).get(memberId, receivableId)
  if (!rec) throw new LedgerError('not-found', 'receivable.not-found', `receivable ${receivableId} not found`)
  const { lang } = await portalDay(ports, memberId)
  const doc = await buildInvoiceDocument(ports, client, rec, lang)
  if (doc.state === 'no-entity')
    throw new LedgerError(
      'conflict',
      'invoice.no-legal-entity',
      lang === 'ru'
        ? 'Счёт не сформирован: добавьте нашу организацию с банковскими реквизитами в настройках приложения (Юридические лица).'
        : 'No invoice: add our legal entity with its bank details in the app settings (Legal entities).',
    )
  if (doc.state === 'missing') throw new LedgerError('conflict', 'invoice.requisite-missing', doc.message)
  return { fileName: doc.fileName, pdf: doc.pdf }
}
