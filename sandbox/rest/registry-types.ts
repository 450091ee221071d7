import type { Ctx, Out, Params } from './context.ts'

export type MethodDef = {
  /** required scope; null = basic (always granted) */
  scope: string | null
  /** 'admin' = portal admin only */
  admin?: boolean
  /** status used for ACCESS_DENIED when a non-admin calls an admin method */
  deniedStatus?: number
  /** only callable with an application token (not a webhook) */
  appOnly?: boolean | 'WRONG_AUTH_TYPE'
  /** counted as a write in the request counters */
  write?: boolean
  handler: (ctx: Ctx, p: Params) => Out | Promise<Out>
}

export type MethodTable = Record<string, MethodDef>
