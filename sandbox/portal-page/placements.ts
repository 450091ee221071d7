// The placements installed apps bound on a portal (placement.bind rows), read defensively.
import type { Sandbox } from '../index.ts'

export interface BoundPlacement {
  appId: number
  placement: string
  handler: string
  title: string
}

export function boundPlacements(sb: Sandbox, portalId: number, code: string): BoundPlacement[] {
  const ps = sb.runtime.world.state(portalId)!
  return ps.placements
    .values()
    .map((r) => r as Record<string, unknown>)
    .map((r) => ({
      appId: Number(r.appId),
      placement: String(r.placement ?? r.PLACEMENT ?? ''),
      handler: String(r.handler ?? r.HANDLER ?? ''),
      title: String(
        r.title ?? r.TITLE ?? (r.langAll as Record<string, { TITLE?: string }> | undefined)?.ru?.TITLE ?? 'App',
      ),
    }))
    .filter((p) => p.placement === code && ps.installFor(p.appId)?.finished)
}
