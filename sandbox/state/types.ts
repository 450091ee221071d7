// Records the sandbox keeps. Field names follow the portal's own casing where a method returns
// the record as is (UPPER for legacy CRM entities, camelCase for crm.item / crm.type).
export type LicenseFamily = 'free' | 'basic' | 'std' | 'pro' | 'ent' | 'project'

export type Portal = {
  id: number
  memberId: string
  title: string
  /** host:port of the portal's own origin, set when it listens */
  domain: string
  port: number
  licenseFamily: LicenseFamily
  /** new tasks get TASK_CONTROL 'Y' by default (the creator's "task control" option) */
  taskControl?: boolean
  license: string
  timezone: string
  lang: string
  createdAt: number
}

export type App = {
  id: number
  clientId: string
  clientSecret: string
  code: string
  name: string
  version: number
  scopes: string[]
  /** main page (placement DEFAULT) */
  appUrl: string | null
  /** install page; when null the app installs without UI and is finished at once */
  installUrl: string | null
  /** ONAPPINSTALL handler from the app card */
  eventHandlerUrl: string | null
  /** OAuth redirect_uri for the authorization_code flow */
  redirectUri: string | null
  status: 'L' | 'F' | 'D' | 'T' | 'P'
}

export type Token = {
  id: number
  kind: 'access' | 'refresh' | 'code'
  value: string
  portalId: number
  appId: number
  userId: number
  expiresAt: number
  /** refresh tokens: set once used (rotated) */
  usedAt: number | null
}

export type Installation = {
  id: number
  appId: number
  applicationToken: string
  installed: boolean
  finished: boolean
  installedAt: number
  version: number
}

export type Webhook = { id: number; userId: number; code: string; scopes: string[] | null }

export type User = {
  id: number
  active: boolean
  name: string
  lastName: string
  secondName: string
  email: string
  isAdmin: boolean
  departments: number[]
  workPosition: string
  userType: 'employee' | 'extranet'
  timeZone: string
  createdAt: number
  /** The user's CRM role's read permission on companies and contacts (sandbox/methods/crm-permissions.ts); absent = all. */
  crmRead?: CrmReadLevel
  /** The telephony role's "Outgoing call — execute" and "Management of numbers" rights (sandbox/methods/telephony.ts);
   * absent = granted. */
  telephony?: boolean
}

/** Access-permission levels of a CRM role for reading: every record, the user's own (responsible), none. */
export type CrmReadLevel = 'all' | 'own' | 'none'

export type Department = { id: number; name: string; sort: number; parent: number | null; head: number | null }

/** Generic record for the many CRM/task collections: id + free-form fields */
export type Rec = { id: number; [k: string]: unknown }
