// The portal iframe context through our frame client (postMessage to the portal page, REST over HTTP).
import { connectPortalFrame, type PortalFrame } from './portal-frame/portal-frame.ts'

export interface FrameContext {
  frame: PortalFrame
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
  const frame = await connectPortalFrame()
  const options = frame.options
  return {
    frame,
    memberId: frame.memberId,
    domain: frame.origin.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    lang: frame.lang.startsWith('ru') ? 'ru' : 'en',
    isAdmin: frame.isAdmin,
    placement: frame.placement,
    entityId: options.ID !== undefined ? String(options.ID) : null,
    options,
    accessToken: frame.accessToken,
    refresh: async () => (await frame.refreshAuth()).accessToken,
  }
}
