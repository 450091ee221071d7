// The heavy document libraries, loaded on the first document that needs one, not when the app
// starts: importing exceljs costs ~265 ms of CPU, pdfkit ~90 ms, qrcode and docx tens of ms, in
// every process (HTTP, worker, CLI) and in every test file that builds the app. Other modules import
// only their types (`import type`); libraries.test.ts checks that the app's composition loads none.
type Loader<T> = () => Promise<T>

/** One import per process; a failed import is tried again next time rather than remembered. */
function once<T>(load: Loader<T>): Loader<T> {
  let loaded: Promise<T> | undefined
  return () =>
    (loaded ??= load().catch((e: unknown) => {
      loaded = undefined
      throw e
    }))
}

/** pdfkit's PDFDocument class. */
export const loadPdfKit = once(async () => (await import('pdfkit')).default)
/** The exceljs namespace (Workbook). */
export const loadExcel = once(async () => (await import('exceljs')).default)
/** The docx module (Document, Paragraph, Packer, patchDocument...). */
export const loadDocx = once(() => import('docx'))
/** The qrcode namespace (create, toBuffer). */
export const loadQrCode = once(async () => (await import('qrcode')).default)
