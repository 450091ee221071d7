// What the UI kit's Vue plugin does for us, without its head manager (unhead, in every page's start):
// the <html data-platform data-version> attributes the kit's styles key on (the bitrix-mobile,
// bitrix-desktop and web variants). The kit's router and colour-mode plugins are off in vite.config.ts.

export interface Platform {
  name: 'bitrix-mobile' | 'bitrix-desktop' | 'web'
  version: string
}

/** The platform the kit would detect from the user agent (its platform plugin's rule). */
export function platformOf(userAgent: string): Platform {
  const mobile = /BitrixMobile\/Version=(\d+)/.exec(userAgent)
  if (mobile) return { name: 'bitrix-mobile', version: mobile[1] }
  const desktop = /BitrixDesktop\/([\d.]+)/.exec(userAgent)
  if (desktop) return { name: 'bitrix-desktop', version: desktop[1] }
  return { name: 'web', version: 'air' }
}

export const kitSetup = {
  install(): void {
    const p = platformOf(navigator.userAgent)
    document.documentElement.dataset.platform = p.name
    document.documentElement.dataset.version = p.version
  },
}
