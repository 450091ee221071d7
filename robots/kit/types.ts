import type { AppDeps } from '../../server/use-cases/app-deps.ts'
import type { PortalClient } from '../../server/bitrix24/client/portal-client.ts'

/** The document a robot runs on, from document_id[] (robots/kit/document.ts parses it). */
export interface RobotDocument {
  /** 'dynamic' for smart processes; 'deal', 'lead', 'company', 'contact', 'quote', 'smart_invoice', 'task' */
  kind: string
  entityTypeId: number | null
  id: number
  raw: string[]
}

export interface Label {
  ru: string
  en: string
}

export type RobotPropertyType = 'string' | 'text' | 'int' | 'double' | 'bool' | 'date' | 'datetime' | 'select' | 'user'

export interface RobotPropertySpec {
  name: Label
  description?: Label
  type: RobotPropertyType
  required?: boolean
  multiple?: boolean
  default?: string | number | boolean
  /** select: option value -> label */
  options?: Record<string, Label>
}

/** Where a designer may drop the robot: our smart processes by key, or standard CRM entities. */
export type RobotDocumentTarget = 'receivables' | 'claims' | 'approvals' | 'deal' | 'company' | 'contact'

/** Parsed property values: numbers for int/double, booleans for bool, strings otherwise. */
export type RobotValues = Record<string, string | number | boolean | null | (string | number)[]>

export interface RobotRunInput {
  ctx: AppDeps
  memberId: string
  client: PortalClient
  properties: RobotValues
  document: RobotDocument
  workflowId: string
  eventToken: string
  userId: number | null
}

/** A robot that holds the business process until something happens in our app (approval-await). */
export interface RobotWaitRequest {
  /** What it waits for ('approval') and on which object (the item id), for the resolver's lookup. */
  kind: string
  ref: string
  data: unknown
  /** When the wait gives up (the resolver answers "timed out"); null = never. */
  deadline: Date | null
}

export interface RobotResult {
  values: RobotValues
  log?: string
  /** Instead of answering now, wait: a resolver answers the event_token later, once. */
  wait?: RobotWaitRequest
}

export interface RobotDefinition {
  /** The Bitrix24 CODE = the folder name; never renamed. */
  code: string
  name: Label
  description: Label
  documents: RobotDocumentTarget[]
  properties: Record<string, RobotPropertySpec>
  returnProperties: Record<string, RobotPropertySpec>
  run: (input: RobotRunInput) => Promise<RobotResult>
  /** After a wait is stored: answer at once if what it waits for happened meanwhile (closes the race). */
  afterWait?: (input: RobotRunInput, wait: RobotWaitRequest) => Promise<void>
}

/** A failure the robot reports to the business process (bad input, business rule); never retried. */
export class RobotError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'RobotError'
    this.code = code
  }
}
