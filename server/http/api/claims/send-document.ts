// Answers a generated document (DOCX or PDF) as a download, never cached.
import type { FastifyReply } from 'fastify'

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const

export function sendDocument(reply: FastifyReply, f: { fileName: string; kind: 'docx' | 'pdf'; data: Buffer }) {
  return reply
    .type(TYPES[f.kind])
    .header('content-disposition', `attachment; filename="${encodeURIComponent(f.fileName)}"`)
    .header('cache-control', 'private, no-store')
    .send(f.data)
}
