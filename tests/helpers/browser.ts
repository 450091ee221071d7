// Headless Debian Chromium through playwright-core. Never downloads a browser: without
// /usr/bin/chromium the browser tests fail loudly and say how to install it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Debian's chromium at ${CHROMIUM}: run "apt-get install -y chromium" (CI does this in .ci/run).`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'e2e', '__screenshots__')
