import type { Api } from './api.ts'
import type { Upload } from './upload.ts'
import type { Download } from './download.ts'
import type { FrameContext } from './frame.ts'
import type { Lang } from './i18n.ts'

/** What every tab component receives. */
export interface TabContext {
  frame: FrameContext
  api: Api
  /** Raw file upload with progress (bank statements). */
  upload?: Upload
  /** File download from /api (exports). */
  download?: Download
  lang: Lang
}
