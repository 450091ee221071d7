// E-mails bound to claim cases (court mail found by its case number); an e-mail is bound to a case once.
import type { Db } from '../database.ts'

export function claimMailQueries(db: Db) {
  return {
    /** Records an e-mail bound to a case; false when it was bound before. */
    async linkMail(
      memberId: string,
      l: { activityId: number; caseId: number; caseNumber: string; subject: string; receivedAt: Date | null },
    ): Promise<boolean> {
      const r = await db
        .insertInto('claim_mail_links')
        .values({
          member_id: memberId,
          activity_id: l.activityId,
          case_id: l.caseId,
          case_number: l.caseNumber,
          subject: l.subject.slice(0, 500),
          received_at: l.receivedAt,
        })
        .onConflict((oc) => oc.columns(['member_id', 'activity_id', 'case_id']).doNothing())
        .executeTakeFirst()
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
    },
    async mails(
      memberId: string,
      caseId: number,
    ): Promise<{ activityId: number; caseNumber: string; subject: string; receivedAt: Date | null }[]> {
      const rows = await db
        .selectFrom('claim_mail_links')
        .select(['activity_id', 'case_number', 'subject', 'received_at'])
        .where('member_id', '=', memberId)
        .where('case_id', '=', caseId)
        .orderBy('received_at', 'desc')
        .execute()
      return rows.map((r) => ({
        activityId: r.activity_id,
        caseNumber: r.case_number,
        subject: r.subject,
        receivedAt: r.received_at ? new Date(r.received_at) : null,
      }))
    },
  }
}
