import { describe, expect, it } from 'vitest'
import { kitSetup, platformOf } from './kit-setup.ts'

describe('kit setup', () => {
  it('detects the platform as the kit does', () => {
    expect(platformOf('Mozilla/5.0 BitrixMobile/Version=54')).toEqual({ name: 'bitrix-mobile', version: '54' })
    expect(platformOf('Mozilla/5.0 BitrixDesktop/18.4.1')).toEqual({ name: 'bitrix-desktop', version: '18.4.1' })
    expect(platformOf('Mozilla/5.0 (X11; Linux x86_64) Chrome/140')).toEqual({ name: 'web', version: 'air' })
  })

  it('marks <html> with the platform the kit styles key on', () => {
    delete document.documentElement.dataset.platform
    kitSetup.install()
    expect(document.documentElement.dataset.platform).toBe('web')
    expect(document.documentElement.dataset.version).toBe('air')
  })
})
