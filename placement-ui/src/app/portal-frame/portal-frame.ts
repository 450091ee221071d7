// Our own portal frame client (what the UI needs of B24Frame, without the SDK's axios and luxon in the
// page): window.name names the portal (`<domain[:port]>|<1: https>|<APP_SID>`), getInitData gives the
// user's token, the placement and the install state; dialogs, the slider and the iframe's size are
// postMessage commands; REST goes over HTTP (stack notes section 2).
import { createMessenger, type SendCommand } from './messages.ts'
import { createRest, type RestCall } from './rest.ts'

export interface PickedPortalUser {
  id: string
  name: string
}
export interface PickedCrmEntity {
  id?: unknown
  title?: unknown
}
type CrmBuckets = Partial<Record<'company' | 'contact' | 'lead' | 'deal' | 'quote', PickedCrmEntity[]>>

/** The portal's answer to getInitData (the fields this UI reads). */
export interface FrameInitData {
  DOMAIN?: string
  PROTOCOL?: number | string
  LANG?: string
  AUTH_ID?: string
  REFRESH_ID?: string
  MEMBER_ID?: string
  IS_ADMIN?: boolean
  PLACEMENT?: string
  PLACEMENT_OPTIONS?: Record<string, unknown> | string
  INSTALL?: boolean
  FIRST_RUN?: boolean
}

export interface PortalFrame {
  /** `https://portal.bitrix24.ru` */
  origin: string
  memberId: string
  lang: string
  isAdmin: boolean
  placement: string
  options: Record<string, unknown>
  isInstallMode: boolean
  accessToken: () => string
  refreshAuth: () => Promise<{ accessToken: string; refreshToken: string }>
  resizeWindow: (width: number, height: number) => Promise<unknown>
  installFinish: () => Promise<unknown>
  selectUser: () => Promise<PickedPortalUser | undefined>
  selectUsers: () => Promise<PickedPortalUser[]>
  selectCRM: (p: { entityType: string[]; multiple: boolean }) => Promise<CrmBuckets>
  /** Opens a portal page (`/crm/type/1036/details/5/`) in the portal's slider. */
  openPath: (path: string) => Promise<unknown>
  /** Each call's result in order, undefined where that call failed. */
  batch: (calls: readonly RestCall[]) => Promise<unknown[]>
}

const list = (bucket: unknown): PickedCrmEntity[] | undefined =>
  bucket === null || bucket === undefined
    ? undefined
    : ((Array.isArray(bucket) ? bucket : Object.values(bucket as object)) as PickedCrmEntity[])

function optionsOf(raw: FrameInitData['PLACEMENT_OPTIONS']): Record<string, unknown> {
  if (typeof raw !== 'string') return raw ?? {}
  try {
    return JSON.parse(raw) as Record<string, unknown>
  } catch {
    return {}
  }
}

export function portalOrigin(host: string, https: boolean): string {
  return `${https ? 'https' : 'http'}://${host.replace(https ? /:443$/ : /:80$/, '')}`
}

/** Builds the client from the init data (a separate step so tests can give both ends). */
export function portalFrameOf(data: FrameInitData, origin: string, send: SendCommand, fetchFn = fetch): PortalFrame {
  let token = data.AUTH_ID ?? ''
  let refreshToken = data.REFRESH_ID ?? ''
  const refreshAuth = async () => {
    const fresh = (await Promise.race([
      send('refreshAuth'),
      new Promise((_r, reject) => setTimeout(() => reject(new Error('the portal did not refresh the token')), 10_000)),
    ])) as FrameInitData
    token = fresh.AUTH_ID ?? token
    refreshToken = fresh.REFRESH_ID ?? refreshToken
    return { accessToken: token, refreshToken }
  }
  const rest = createRest(
    `${origin}/rest`,
    { token: () => token, refresh: async () => (await refreshAuth()).accessToken },
    fetchFn,
  )
  return {
    origin,
    memberId: data.MEMBER_ID ?? '',
    lang: data.LANG ?? 'en',
    isAdmin: data.IS_ADMIN === true,
    placement: data.PLACEMENT ?? 'DEFAULT',
    options: optionsOf(data.PLACEMENT_OPTIONS),
    isInstallMode: data.INSTALL === true,
    accessToken: () => token,
    refreshAuth,
    resizeWindow: (width, height) => send('resizeWindow', { width, height }),
    installFinish: () => send('setInstallFinish'),
    selectUser: async () => ((await send('selectUser', { mult: false })) || undefined) as PickedPortalUser | undefined,
    selectUsers: async () => {
      const users = await send('selectUser', { mult: true })
      return Array.isArray(users) ? (users as PickedPortalUser[]) : []
    },
    selectCRM: async (p) => {
      const answer = ((await send('selectCRM', { entityType: p.entityType, multiple: p.multiple })) ?? {}) as Record<
        string,
        unknown
      >
      const out: CrmBuckets = {}
      for (const k of ['company', 'contact', 'lead', 'deal', 'quote'] as const) {
        const l = list(answer[k])
        if (l) out[k] = l
      }
      return out
    },
    openPath: (path) => {
      const url = new URL(path, origin)
      url.searchParams.set('IFRAME', 'Y')
      url.searchParams.set('IFRAME_TYPE', 'SIDE_SLIDER')
      return send('openPath', { path: `${url.pathname}${url.search}` })
    },
    batch: rest.batch,
  }
}

let started: Promise<PortalFrame> | null = null

/** The page's portal frame, asked of the portal once (later calls share the answer; a failure is retried). */
export function connectPortalFrame(): Promise<PortalFrame> {
  started ??= (async () => {
    const [host = '', https = '', appSid = ''] = window.name.split('|')
    if (!host || !appSid) throw new Error('The page is not inside a Bitrix24 portal frame')
    const first = portalOrigin(host, https === '1')
    const send = createMessenger(window.parent, first, appSid)
    const data = (await send('getInitData')) as FrameInitData
    if (!data?.AUTH_ID) throw new Error('The portal gave no authorization data')
    const origin = data.PROTOCOL === undefined ? first : portalOrigin(host, Number(data.PROTOCOL) === 1)
    const sendAt = origin === first ? send : createMessenger(window.parent, origin, appSid)
    if (data.FIRST_RUN) await sendAt('setInstall', { install: true })
    return portalFrameOf(data, origin, sendAt)
  })().catch((e: unknown) => {
    started = null
    throw e
  })
  return started
}
