// The documents the CLI can render from built-in sample data, by kind: `npm run cli -- document
// sample <kind> --out <file>`. Each kind renders to a file format of its own (PDF, XLSX, DOCX).
import { renderClaimLetterPdf } from './claim-letter-pdf.ts'
import { renderInvoicePdf } from './invoice-pdf.ts'
import { sampleClaimLetter } from './sample-claim-letter.ts'
import { sampleInvoice } from './sample-invoice.ts'

export interface DocumentSample {
  /** The file extension of what render() returns. */
  ext: 'pdf' | 'xlsx' | 'docx'
  render: (lang: 'ru' | 'en') => Promise<Buffer>
}

export const DOCUMENT_SAMPLES: Record<string, DocumentSample> = {
  invoice: { ext: 'pdf', render: (lang) => renderInvoicePdf(sampleInvoice(lang)) },
  'claim-letter': { ext: 'pdf', render: (lang) => renderClaimLetterPdf(sampleClaimLetter(lang)) },
}
