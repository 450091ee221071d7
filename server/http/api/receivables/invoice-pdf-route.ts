// GET /api/receivables/:id/invoice-pdf — the invoice with the payment QR code for the invoice tab, as
// JSON { fileName, pdfBase64 } (the tab's API client speaks JSON; the tab saves it as a file).
// A missing requisite answers 409 with the message naming it (ru/en), and no file.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import type { InvoicePdfDto } from '../../../../contracts/receivables.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { readInvoicePdf } from '../../../use-cases/receivables/read-invoice-pdf.ts'
import { requireReceivable } from '../access.ts'
import { idParam, mapped } from './parse.ts'

export async function invoicePdfRoute(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get<{ Params: Record<string, string> }>(
    '/receivables/:id/invoice-pdf',
    async (req, reply): Promise<InvoicePdfDto> => {
      const id = idParam(req.params.id, 'receivable id')
      const s = await requireReceivable(ctx, req, id)
      const doc = await mapped(async () =>
        readInvoicePdf(receivablesPorts(ctx), await ctx.b24!.forPortal(s.memberId), s.memberId, id),
      )
      void reply.header('cache-control', 'private, no-store')
      return { fileName: doc.fileName, pdfBase64: doc.pdf.toString('base64') }
    },
  )
}
