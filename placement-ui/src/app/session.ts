// What a tab receives, built once the portal frame answers. App.vue loads this module on demand: it
// brings the portal frame client and the server's error texts, which the page's first paint
// does not need, and they download while the tab's own chunk does.
import { connectFrame } from './frame.ts'
import { createApi } from './api.ts'
import { createUpload } from './upload.ts'
import { createDownload } from './download.ts'
import { pickLang } from './i18n.ts'
import type { TabContext } from './tab-context.ts'

/** Connects to the portal frame; the language is the page's meta tag, else the portal's. */
export async function openSession(pageLang: string | null): Promise<TabContext> {
  const frame = await connectFrame()
  const lang = pickLang(pageLang, frame.lang)
  return {
    frame,
    api: createApi(frame, fetch, lang),
    upload: createUpload(frame, lang),
    download: createDownload(frame, fetch, lang),
    lang,
  }
}
