// The logo, signature and stamp of our legal entities, uploaded on the admin page for invoices.
// An upload is checked before it is stored: an entity of ours (by INN), a known kind, PNG or JPEG
// by its leading bytes (not by what the browser claims), at most MAX_IMAGE_BYTES, and an image the
// PDF renderer can open; then audited (without the bytes).
import type { InvoiceImages } from '../../documents/invoice-model.ts'
import { loadPdfKit } from '../../documents/libraries.ts'
import {
  legalEntityImagesRepository,
  type EntityImageKind,
  type EntityImageMime,
} from '../../storage/repositories/legal-entity-images.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { invalid, obj } from './company-settings.ts'
import { readLegalEntities } from './legal-entities.ts'

export const MAX_IMAGE_BYTES = 512 * 1024
export const IMAGE_KINDS: readonly EntityImageKind[] = ['logo', 'signature', 'stamp']

export interface EntityImageInfo {
  kind: EntityImageKind
  mime: EntityImageMime
  bytes: number
  updatedAt: string
  /** data: URL for the preview on the admin page */
  preview: string
}

interface ImageSize {
  width: number
  height: number
}

function mimeOf(data: Buffer): EntityImageMime | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  return null
}

async function entityOf(ports: ReceivablesPorts, memberId: string, inn: string) {
  const e = (await readLegalEntities(ports, memberId)).find((x) => x.inn === inn)
  if (!e) throw new LedgerError('not-found', 'settings.not-found', `no legal entity with INN ${inn}`)
  return e
}

const kindOf = (kind: string): EntityImageKind => {
  const k = IMAGE_KINDS.find((x) => x === kind)
  if (!k) throw invalid(`kind: one of ${IMAGE_KINDS.join(', ')}`)
  return k
}

/** Stores the image of `kind` for the entity with `inn` from `{ data: <base64> }`. */
export async function uploadEntityImage(
  ports: ReceivablesPorts,
  who: Actor,
  inn: string,
  kind: string,
  body: unknown,
): Promise<EntityImageInfo[]> {
  const k = kindOf(kind)
  await entityOf(ports, who.memberId, inn)
  const b64 = obj(body, 'image').data
  if (typeof b64 !== 'string' || !b64.length) throw invalid('data: the image as base64')
  if (b64.length > Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4)
    throw invalid(`data: the image is larger than ${MAX_IMAGE_BYTES / 1024} KB`)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw invalid('data: not base64')
  const data = Buffer.from(b64, 'base64')
  if (data.length > MAX_IMAGE_BYTES) throw invalid(`data: the image is larger than ${MAX_IMAGE_BYTES / 1024} KB`)
  const mime = mimeOf(data)
  if (!mime) throw invalid('data: a PNG or JPEG image is expected')
  const PDFDocument = await loadPdfKit()
  try {
    // pdfkit's openImage (in its image mixin, not in its type definitions) parses the file as doc.image() will
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(d: Buffer): ImageSize }
    const img = doc.openImage(data)
    if (!(img.width > 0 && img.height > 0 && img.width <= 4000 && img.height <= 4000)) throw new Error('size')
  } catch {
    throw invalid('data: the image cannot be read (a broken file or larger than 4000×4000 pixels)')
  }
  await legalEntityImagesRepository(ports.db).put(who.memberId, inn, k, { mime, data, by: who.actor, at: ports.now() })
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.entity-image-uploaded',
    entity: 'legal-entity',
    entityId: inn,
    details: { kind: k, mime, bytes: data.length },
  })
  return listEntityImages(ports, who.memberId, inn)
}

export async function deleteEntityImage(
  ports: ReceivablesPorts,
  who: Actor,
  inn: string,
  kind: string,
): Promise<EntityImageInfo[]> {
  const k = kindOf(kind)
  await entityOf(ports, who.memberId, inn)
  if (await legalEntityImagesRepository(ports.db).remove(who.memberId, inn, k))
    await ports.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'settings.entity-image-deleted',
      entity: 'legal-entity',
      entityId: inn,
      details: { kind: k },
    })
  return listEntityImages(ports, who.memberId, inn)
}

export async function listEntityImages(
  ports: Pick<ReceivablesPorts, 'db'>,
  memberId: string,
  inn: string,
): Promise<EntityImageInfo[]> {
  const rows = await legalEntityImagesRepository(ports.db).list(memberId, inn)
  return rows.map((r) => ({
    kind: r.kind,
    mime: r.mime,
    bytes: r.data.length,
    updatedAt: r.updatedAt.toISOString(),
    preview: `data:${r.mime};base64,${r.data.toString('base64')}`,
  }))
}

/** The images of the entity for its invoices. */
export async function readEntityImages(
  ports: Pick<ReceivablesPorts, 'db'>,
  memberId: string,
  inn: string,
): Promise<InvoiceImages> {
  const rows = await legalEntityImagesRepository(ports.db).list(memberId, inn)
  return Object.fromEntries(rows.map((r) => [r.kind, r.data])) as InvoiceImages
}
