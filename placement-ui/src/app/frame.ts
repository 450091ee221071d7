// The portal iframe context through B24Frame (postMessage to the portal page).
import { initializeB24Frame, type B24Frame } from '@bitrix24/b24jssdk'

export interface FrameContext {
  frame: B24Frame
  memberId: string
  domain: string
  lang: 'ru' | 'en'
  isAdmin: boolean
  placement: string
  entityId: string | null
  options: Record<string, unknown>
  accessToken: () => string
  refresh: () => Promise<string>
}

export async function connectFrame(): Promise<FrameContext> {
  const frame = await initializeB24Frame()
  const auth = frame.auth.getAuthData()
  if (!auth) throw new Error('The portal gave no authorization data')
  const options = (frame.placement.options ?? {}) as Record<string, unknown>
  const lang = frame.getLang().toString().startsWith('ru') ? 'ru' : 'en'
  let token = auth.access_token
  return {
    frame,
    memberId: auth.member_id,
    domain: auth.domain.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    lang,
    isAdmin: frame.auth.isAdmin,
    placement: frame.placement.placement,
    entityId: options.ID !== undefined ? String(options.ID) : null,
    options,
    accessToken: () => token,
    refresh: async () => {
      token = (await frame.auth.refreshAuth()).access_token
      return token
    },
  }
}
