// GET /files/claim-letters/:id?m=&e=&s= — a generated claim letter PDF through a signed, expiring link.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { verifyLink } from '../../lib/signed-link.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import { ApiError } from '../error-handler.ts'

import { CLAIM_LETTER_PATH } from '../../use-cases/claims/claim-letter-link.ts'

export async function claimLetterRoute(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    `${CLAIM_LETTER_PATH}/:id`,
    async (req, reply) => {
      // the id exactly as the link wrote it: "0x1", "1e0" or " 1" are not another spelling of letter 1
      const id = /^[1-9]\d{0,14}$/.test(req.params.id) ? Number(req.params.id) : NaN
      const { m, e, s } = req.query
      if (
        !Number.isSafeInteger(id) ||
        typeof m !== 'string' ||
        typeof s !== 'string' ||
        !verifyLink(ctx.config.secretKey, m, id, Number(e), s)
      ) {
        throw new ApiError(403, 'link.invalid', 'This link is invalid or has expired; open the claim again')
      }
      // the app was uninstalled from that portal: its links stop working with it
      const portal = await ctx.portalLookup(m)
      if (!portal || portal.status === 'uninstalled')
        throw new ApiError(403, 'link.invalid', 'This link is invalid or has expired; open the claim again')
      const letter = await claimsRepository(ctx.database.db).letterPdf(m, id)
      if (!letter) throw new ApiError(404, 'letter.not-found', 'The letter is gone')
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${encodeURIComponent(letter.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(letter.pdf))
    },
  )
}
