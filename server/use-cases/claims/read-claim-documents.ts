// A case's documents, newest first: the claim letters we generated, the e-mails bound to it by its
// court case number, and the files of the activities and tasks bound to its item (one portal batch).
// The portal gives attachments of activities as {id, url} and of tasks as ids only: they are named
// after what they came with.
import type { ClaimDocumentDto } from '../../../contracts/claims.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import { claimsRepository, type ClaimCase } from '../../storage/repositories/claims.ts'
import type { Db } from '../../storage/database.ts'

/** The signed link of a generated letter (claim-letter-link.ts builds it). */
export type LetterLink = (memberId: string, letterId: number) => string

type ActivityRow = {
  ID: string
  SUBJECT?: string
  CREATED?: string
  TYPE_ID?: string
  DIRECTION?: string
  FILES?: { id: number | string; url?: string }[]
}
type TaskRow = {
  id: string
  title?: string
  createdDate?: string
  ufTaskWebdavFiles?: (string | number)[] | false | null
}
const words = {
  ru: { attachment: 'вложение', files: (n: number) => `файлов: ${n}` },
  en: { attachment: 'attachment', files: (n: number) => `${n} file${n === 1 ? '' : 's'}` },
}

export async function readClaimDocuments(
  db: Db,
  client: PortalClient,
  process: InstalledProcess,
  claim: ClaimCase,
  letterLink: LetterLink,
  lang: 'ru' | 'en',
): Promise<ClaimDocumentDto[]> {
  const repo = claimsRepository(db)
  const w = words[lang]
  const [letters, mails] = await Promise.all([
    repo.letters(claim.memberId, claim.id),
    repo.mails(claim.memberId, claim.id),
  ])
  const res = await client.batch<unknown>(
    {
      activities: {
        method: 'crm.activity.list',
        params: {
          filter: { OWNER_TYPE_ID: process.entityTypeId, OWNER_ID: claim.itemId },
          select: ['ID', 'SUBJECT', 'CREATED', 'TYPE_ID', 'DIRECTION', 'FILES'],
          order: { ID: 'DESC' },
        },
      },
      tasks: {
        method: 'tasks.task.list',
        params: {
          filter: { UF_CRM_TASK: `T${process.entityTypeId.toString(16)}_${claim.itemId}` },
          select: ['ID', 'TITLE', 'CREATED_DATE', 'UF_TASK_WEBDAV_FILES'],
        },
      },
    },
    { halt: false },
  )
  const docs: ClaimDocumentDto[] = letters.map((l) => ({
    id: `letter-${l.id}`,
    name: l.fileName,
    url: letterLink(claim.memberId, l.id),
    source: 'letter',
    addedAt: l.generatedAt.toISOString(),
  }))
  const mailIds = new Set(mails.map((m) => m.activityId))
  const activities = Array.isArray(res.results.activities) ? (res.results.activities as ActivityRow[]) : []
  for (const a of activities) {
    const subject = a.SUBJECT?.trim() || `#${a.ID}`
    const isMail = mailIds.has(Number(a.ID))
    if (isMail) docs.push({ id: `mail-${a.ID}`, name: subject, url: null, source: 'email', addedAt: a.CREATED ?? null })
    ;(a.FILES ?? []).forEach((f, i) =>
      docs.push({
        id: `activity-${a.ID}-${f.id}`,
        name: `${subject} — ${w.attachment} ${i + 1}`,
        url: f.url ?? null,
        source: isMail ? 'email' : 'activity',
        addedAt: a.CREATED ?? null,
      }),
    )
  }
  // mails bound to the case that the listing did not return (e.g. the portal's answer was partial)
  for (const m of mails)
    if (!activities.some((a) => Number(a.ID) === m.activityId))
      docs.push({
        id: `mail-${m.activityId}`,
        name: m.subject || `#${m.activityId}`,
        url: null,
        source: 'email',
        addedAt: m.receivedAt?.toISOString() ?? null,
      })
  const taskRows = (res.results.tasks as { tasks?: TaskRow[] } | undefined)?.tasks ?? []
  for (const t of taskRows) {
    const files = Array.isArray(t.ufTaskWebdavFiles) ? t.ufTaskWebdavFiles : []
    if (files.length)
      docs.push({
        id: `task-${t.id}`,
        name: `${t.title ?? `#${t.id}`} (${w.files(files.length)})`,
        url: null,
        source: 'task',
        addedAt: t.createdDate ?? null,
      })
  }
  return docs.sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''))
}
