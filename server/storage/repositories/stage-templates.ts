// Print form templates of the recovery stages, one per portal and stage.
import type { Db } from '../database.ts'

export interface StageTemplateMeta {
  stage: string
  fileName: string
  kind: 'docx' | 'pdf'
  size: number
  uploadedBy: string
  uploadedAt: string
}

export function stageTemplatesRepository(db: Db) {
  return {
    async put(
      memberId: string,
      t: { stage: string; fileName: string; kind: 'docx' | 'pdf'; data: Uint8Array; by: string; at: Date },
    ): Promise<void> {
      const row = { file_name: t.fileName, kind: t.kind, data: t.data, uploaded_by: t.by, uploaded_at: t.at }
      await db
        .insertInto('stage_templates')
        .values({ member_id: memberId, stage: t.stage, ...row })
        .onConflict((oc) => oc.columns(['member_id', 'stage']).doUpdateSet(row))
        .execute()
    },
    async get(memberId: string, stage: string) {
      const r = await db
        .selectFrom('stage_templates')
        .select(['file_name', 'kind', 'data'])
        .where('member_id', '=', memberId)
        .where('stage', '=', stage)
        .executeTakeFirst()
      return r ? { fileName: r.file_name, kind: r.kind, data: Buffer.from(r.data) } : null
    },
    async list(memberId: string): Promise<StageTemplateMeta[]> {
      const rows = await db
        .selectFrom('stage_templates')
        .select(['stage', 'file_name', 'kind', 'data', 'uploaded_by', 'uploaded_at'])
        .where('member_id', '=', memberId)
        .orderBy('stage')
        .execute()
      return rows.map((r) => ({
        stage: r.stage,
        fileName: r.file_name,
        kind: r.kind,
        size: r.data.length,
        uploadedBy: r.uploaded_by,
        uploadedAt: new Date(r.uploaded_at).toISOString(),
      }))
    },
    async remove(memberId: string, stage: string): Promise<boolean> {
      const r = await db
        .deleteFrom('stage_templates')
        .where('member_id', '=', memberId)
        .where('stage', '=', stage)
        .executeTakeFirst()
      return Number(r.numDeletedRows) > 0
    },
  }
}
