// The logo, signature and stamp images of our legal entities (by INN), for invoices.
import type { Db } from '../database.ts'

export type EntityImageKind = 'logo' | 'signature' | 'stamp'
export type EntityImageMime = 'image/png' | 'image/jpeg'

export function legalEntityImagesRepository(db: Db) {
  return {
    async put(
      memberId: string,
      inn: string,
      kind: EntityImageKind,
      img: { mime: EntityImageMime; data: Uint8Array; by: string; at: Date },
    ): Promise<void> {
      await db
        .insertInto('legal_entity_images')
        .values({
          member_id: memberId,
          inn,
          kind,
          mime: img.mime,
          data: img.data,
          updated_by: img.by,
          updated_at: img.at,
        })
        .onConflict((oc) =>
          oc
            .columns(['member_id', 'inn', 'kind'])
            .doUpdateSet({ mime: img.mime, data: img.data, updated_by: img.by, updated_at: img.at }),
        )
        .execute()
    },
    async remove(memberId: string, inn: string, kind: EntityImageKind): Promise<boolean> {
      const r = await db
        .deleteFrom('legal_entity_images')
        .where('member_id', '=', memberId)
        .where('inn', '=', inn)
        .where('kind', '=', kind)
        .executeTakeFirst()
      return Number(r.numDeletedRows) > 0
    },
    async list(
      memberId: string,
      inn: string,
    ): Promise<{ kind: EntityImageKind; mime: EntityImageMime; data: Buffer; updatedAt: Date }[]> {
      const rows = await db
        .selectFrom('legal_entity_images')
        .select(['kind', 'mime', 'data', 'updated_at'])
        .where('member_id', '=', memberId)
        .where('inn', '=', inn)
        .execute()
      return rows.map((r) => ({
        kind: r.kind,
        mime: r.mime,
        data: Buffer.from(r.data),
        updatedAt: new Date(r.updated_at),
      }))
    },
  }
}
