// The part of our frame the person can see. The portal grows the iframe with its content
// (resizeWindow), so the frame's own viewport is the whole tall page and a dialog centred in it opens
// far below the fold. An IntersectionObserver without a root measures against the top-level window,
// also across origins (the frame API gives no read of the parent's scroll), so its first report tells
// which slice of our document is on screen.

export interface VisibleBand {
  /** Top of the visible slice in our frame's viewport (where a fixed dialog is placed). */
  top: number
  height: number
}

const WAIT_MS = 250

/** Measures once; falls back to our own viewport when the browser cannot tell (or is too slow). */
export function measureVisibleBand(target: Element = document.documentElement): Promise<VisibleBand> {
  // The window may be gone when the wait ends (a closed frame; a torn-down test page).
  const own = (): VisibleBand => ({ top: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight })
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve(own())
  return new Promise((resolve) => {
    let done = false
    const finish = (band: VisibleBand) => {
      if (done) return
      done = true
      clearTimeout(timer)
      observer.disconnect()
      resolve(band)
    }
    const observer = new IntersectionObserver((entries) => {
      const r = entries[entries.length - 1]?.intersectionRect
      finish(r && r.height > 0 ? { top: r.top, height: r.height } : own())
    })
    observer.observe(target)
    const timer = setTimeout(() => finish(own()), WAIT_MS)
  })
}

const MARGIN = 16
/** A dialog shorter than this still gets this much room (the band is then extended downwards). */
const MIN_HEIGHT = 320

/** Inline style that puts a fixed dialog into the visible slice: its top edge and its maximum height.
 *  `frameHeight`: the height of our frame's viewport (a fixed dialog cannot go below it). */
export function dialogPlacement(band: VisibleBand, frameHeight: number): Record<string, string> {
  const height = Math.max(MIN_HEIGHT, band.height - 2 * MARGIN)
  const top = Math.max(0, Math.min(band.top + MARGIN, frameHeight - height - MARGIN))
  return { top: `${Math.round(top)}px`, maxHeight: `${Math.round(height)}px`, translate: '-50% 0' }
}
