// Generated claim letters: the PDF and its metadata with the printed number (document_numbers gives it).
import type { Db } from '../database.ts'

export interface ClaimLetterMeta {
  id: number
  fileName: string
  total: number
  generatedAt: Date
  generatedBy: string
  /** the printed number; null for letters made before numbers were stored (migration 140) */
  number: string | null
}

const COLUMNS = ['id', 'file_name', 'total', 'generated_at', 'generated_by', 'number'] as const
const meta = (r: {
  id: number
  file_name: string
  total: number
  generated_at: Date
  generated_by: string
  number: string | null
}): ClaimLetterMeta => ({
  id: Number(r.id),
  fileName: r.file_name,
  total: Number(r.total),
  generatedAt: new Date(r.generated_at),
  generatedBy: r.generated_by,
  number: r.number,
})

export function claimLetterQueries(db: Db) {
  return {
    async addLetter(
      memberId: string,
      caseId: number,
      l: { number?: string; fileName: string; pdf: Uint8Array; total: number; by: string; at?: Date },
    ): Promise<ClaimLetterMeta> {
      const r = await db
        .insertInto('claim_letters')
        .values({
          number: l.number ?? null,
          member_id: memberId,
          case_id: caseId,
          file_name: l.fileName,
          pdf: l.pdf,
          total: l.total,
          generated_by: l.by,
          ...(l.at ? { generated_at: l.at } : {}),
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow()
      return meta(r)
    },
    async latestLetter(memberId: string, caseId: number): Promise<ClaimLetterMeta | null> {
      const r = await db
        .selectFrom('claim_letters')
        .select(COLUMNS)
        .where('member_id', '=', memberId)
        .where('case_id', '=', caseId)
        .orderBy('generated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return r ? meta(r) : null
    },
    async letters(memberId: string, caseId: number): Promise<ClaimLetterMeta[]> {
      const rows = await db
        .selectFrom('claim_letters')
        .select(COLUMNS)
        .where('member_id', '=', memberId)
        .where('case_id', '=', caseId)
        .orderBy('generated_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
      return rows.map(meta)
    },
    async letterPdf(memberId: string, id: number): Promise<{ fileName: string; pdf: Uint8Array } | null> {
      const r = await db
        .selectFrom('claim_letters')
        .select(['file_name', 'pdf'])
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? { fileName: r.file_name, pdf: r.pdf } : null
    },
  }
}
