// The kit's components import one icon dictionary (dictionary/icons) that also holds the icons of the
// kit's documentation site; this resolves that import to placement-ui/src/app/kit-icons.ts, the same
// names without those, so the page does not download them.
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const ours = fileURLToPath(new URL('./src/app/kit-icons.ts', import.meta.url))

export function kitIcons(): Plugin {
  return {
    name: 'kit-icons',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.includes('/@bitrix24/b24ui-nuxt/dist/runtime/')) return null
      return /(^|\/)dictionary\/icons(\.js)?$/.test(source) ? ours : null
    },
  }
}
