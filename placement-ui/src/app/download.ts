// Downloads a file from /api (exports) with the portal user's token and saves it in the browser.
import type { FrameContext } from './frame.ts'
import { apiCallError, type ApiErrorJson } from './api.ts'
import type { Lang } from './i18n.ts'

export type Download = (path: string, fileName: string) => Promise<void>

export function createDownload(
  frame: Pick<FrameContext, 'memberId' | 'domain' | 'accessToken' | 'refresh'>,
  fetchFn: typeof fetch = fetch,
  lang: Lang = 'en',
): Download {
  const get = (path: string, token: string) =>
    fetchFn(`/api${path}`, {
      headers: { authorization: `Bearer ${token}`, 'x-b24-member-id': frame.memberId, 'x-b24-domain': frame.domain },
    })
  return async (path, fileName) => {
    let res = await get(path, frame.accessToken())
    if (res.status === 401) res = await get(path, await frame.refresh())
    if (!res.ok) {
      throw apiCallError(res.status, (await res.json().catch(() => ({}))) as ApiErrorJson, lang)
    }
    saveBlob(await res.blob(), fileName)
  }
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const a = doc.createElement('a')
  a.href = url
  a.download = fileName
  doc.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
