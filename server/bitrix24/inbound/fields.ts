import { InboundError } from './inbound-error.ts'

export type FormValue = string | FormObject | FormValue[]
export interface FormObject {
  [key: string]: FormValue
}

export function asObject(v: unknown, name: string): FormObject {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new InboundError(400, 'inbound.malformed', `"${name}" must be an object`)
  return v as FormObject
}

export function requireString(o: FormObject, key: string, where: string, max = 1024): string {
  const v = o[key]
  if (typeof v !== 'string' || v.length === 0)
    throw new InboundError(400, 'inbound.missing-field', `${where}[${key}] is required`)
  if (v.length > max)
    throw new InboundError(400, 'inbound.field-too-long', `${where}[${key}] is longer than ${max} characters`)
  return v
}

export function optionalString(o: FormObject, key: string, max = 1024): string | null {
  const v = o[key]
  if (v === undefined || v === '') return null
  if (typeof v !== 'string' || v.length > max)
    throw new InboundError(400, 'inbound.malformed', `[${key}] must be a string of at most ${max} characters`)
  return v
}

const MEMBER_ID = /^[A-Za-z0-9_.-]{1,64}$/
export function requireMemberId(o: FormObject, key: string, where: string): string {
  const v = requireString(o, key, where, 64)
  if (!MEMBER_ID.test(v))
    throw new InboundError(400, 'inbound.bad-member-id', `${where}[${key}] is not a valid member_id`)
  return v
}
