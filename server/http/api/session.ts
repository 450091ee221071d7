import type { FastifyRequest } from 'fastify'
import { ApiError } from '../error-handler.ts'

/** Who is calling: the portal and user the UI token was verified for. */
export interface Session {
  memberId: string
  userId: number
  isAdmin: boolean
  /** The user's portal token (not enumerable: never serialized or logged), for calls made as that user. */
  readonly accessToken?: string
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null
  }
  interface FastifyContextConfig {
    auth?: 'user' | 'none'
  }
}

export function sessionOf(req: FastifyRequest): Session {
  if (!req.session)
    throw new ApiError(
      401,
      'auth.required',
      'Sign in through the Bitrix24 portal: this call needs the portal user token',
    )
  return req.session
}

export function requireAdmin(req: FastifyRequest): Session {
  const s = sessionOf(req)
  if (!s.isAdmin) throw new ApiError(403, 'auth.admin-only', 'Only portal administrators can do this')
  return s
}
