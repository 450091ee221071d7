import { asObject, optionalString, requireString, type FormObject, type FormValue } from './fields.ts'
import { parseAuth, type InboundAuth } from './parse-event.ts'
import { InboundError } from './inbound-error.ts'

export interface InboundRobotCall {
  code: string
  workflowId: string
  eventToken: string
  documentId: string[]
  documentType: string[]
  properties: Record<string, FormValue>
  useSubscription: boolean
  ts: string | null
  auth: InboundAuth
}

function stringList(v: unknown, name: string): string[] {
  const arr = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v as FormObject) : null
  if (!arr || arr.length === 0 || arr.length > 5 || arr.some((x) => typeof x !== 'string')) {
    throw new InboundError(400, 'inbound.malformed', `${name}[] must be a list of strings`)
  }
  return arr as string[]
}

/** Parses what Bitrix24 POSTs to a robot HANDLER (reference section 8.2). */
export function parseRobotCall(body: unknown): InboundRobotCall {
  const o = asObject(body, 'body')
  return {
    code: requireString(o, 'code', 'body', 128),
    workflowId: requireString(o, 'workflow_id', 'body', 128),
    eventToken: requireString(o, 'event_token', 'body', 512),
    documentId: stringList(o.document_id, 'document_id'),
    documentType: stringList(o.document_type, 'document_type'),
    properties: o.properties === undefined || o.properties === '' ? {} : asObject(o.properties, 'properties'),
    useSubscription: optionalString(o, 'use_subscription', 4) === 'Y',
    ts: optionalString(o, 'ts', 32),
    auth: parseAuth(o),
  }
}
