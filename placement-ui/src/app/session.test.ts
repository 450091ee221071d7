import { describe, expect, it, vi } from 'vitest'
import type { FrameContext } from './frame.ts'

// The portal frame as the frame client would give it: Russian portal, a token that refreshes.
vi.mock('./frame.ts', () => ({
  connectFrame: async (): Promise<Partial<FrameContext>> => ({
    memberId: 'm1',
    domain: 'p.example',
    lang: 'ru',
    accessToken: () => 'tok',
    refresh: async () => 'tok2',
  }),
}))

describe('session opened after the page start (lazy chunk with the frame client)', () => {
  it("takes the page's language first, else the portal's, and builds the tab's clients", async () => {
    const { openSession } = await import('./session.ts')
    const en = await openSession('en')
    expect(en.lang).toBe('en')
    expect(en.frame.memberId).toBe('m1')
    expect(typeof en.api).toBe('function')
    expect(typeof en.upload).toBe('function')
    expect(typeof en.download).toBe('function')
    expect((await openSession(null)).lang).toBe('ru')
  })

  it('starts loading a known tab early and ignores an unknown one', async () => {
    const { preloadTab, tabComponents } = await import('../tabs/index.ts')
    expect(() => preloadTab('no-such-tab')).not.toThrow()
    expect(() => preloadTab('install')).not.toThrow()
    expect(Object.keys(tabComponents)).toContain('admin')
  })
})
