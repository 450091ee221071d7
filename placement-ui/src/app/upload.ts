// Uploads a file's raw bytes to /api with the portal user's token, reporting upload progress
// (XMLHttpRequest: fetch cannot report it). A 401 refreshes the token once and retries.
import type { FrameContext } from './frame.ts'
import { ApiCallError, apiCallError, type ApiErrorJson } from './api.ts'
import type { Lang } from './i18n.ts'

export type Upload = <T>(path: string, file: Blob, onProgress: (fraction: number) => void) => Promise<T>

export function createUpload(
  frame: Pick<FrameContext, 'memberId' | 'domain' | 'accessToken' | 'refresh'>,
  lang: Lang = 'en',
): Upload {
  const once = <T>(path: string, file: Blob, token: string, onProgress: (f: number) => void) =>
    new Promise<{ status: number; body: T & ApiErrorJson }>((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', `/api${path}`)
      xhr.setRequestHeader('authorization', `Bearer ${token}`)
      xhr.setRequestHeader('x-b24-member-id', frame.memberId)
      xhr.setRequestHeader('x-b24-domain', frame.domain)
      xhr.setRequestHeader('content-type', 'application/octet-stream')
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total)
      }
      xhr.onload = () => {
        let body = {} as T & ApiErrorJson
        try {
          body = JSON.parse(xhr.responseText)
        } catch {
          /* not JSON: reported by status */
        }
        resolve({ status: xhr.status, body })
      }
      xhr.onerror = () =>
        reject(
          new ApiCallError(
            0,
            'network',
            lang === 'ru'
              ? 'Файл не отправлен: нет связи с приложением'
              : 'The upload failed: no connection to the app',
          ),
        )
      xhr.send(file)
    })
  return async <T>(path: string, file: Blob, onProgress: (f: number) => void) => {
    let r = await once<T>(path, file, frame.accessToken(), onProgress)
    if (r.status === 401) r = await once<T>(path, file, await frame.refresh(), onProgress)
    if (r.status < 200 || r.status >= 300) throw apiCallError(r.status, r.body, lang)
    return r.body
  }
}
