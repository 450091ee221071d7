// The tasks of ladder task steps follow their invoice: paid (or written off) closes the task, paused
// skips it (deferred), each with the app's comment saying why, once (effect key per reason). A task a
// person already completed is only marked done. Runs on the payment's mirror job and every 15 minutes.
import { tasks, TASK_DONE } from '../../bitrix24/rest/index.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import { formatDay } from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import { dunningStepTasksRepository, type StepTaskToClose } from '../../storage/repositories/dunning-step-tasks.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { writeOnce } from './dunning-write-once.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

const TASK_DEFERRED = 6

function commentOf(t: StepTaskToClose, lang: 'ru' | 'en'): string {
  if (t.reason === 'paid')
    return lang === 'ru'
      ? `Счёт № ${t.invoiceNumber} оплачен — задача закрыта автоматически.`
      : `Invoice ${t.invoiceNumber} is paid: the task was closed automatically.`
  const until = t.pausedUntil ? formatDay(t.pausedUntil, lang) : ''
  return lang === 'ru'
    ? `Напоминания по счёту № ${t.invoiceNumber} приостановлены до ${until} — задача пропущена (отложена).`
    : `Reminders on invoice ${t.invoiceNumber} are paused until ${until}: the task is skipped (deferred).`
}

export async function closeStepTasks(
  ports: DunningPorts,
  memberId: string,
  o: { receivableId?: number } = {},
): Promise<{ closed: number; skipped: number; done: number }> {
  const out = { closed: 0, skipped: 0, done: 0 }
  const repo = dunningStepTasksRepository(ports.db)
  const { today, lang } = await portalDay(ports, memberId)
  const list = await repo.toClose(memberId, today, o.receivableId)
  if (!list.length || !ports.clients) return out
  const client = await ports.clients.forPortal(memberId)
  for (const t of list) {
    let status: number
    try {
      status = Number((await tasks.get(client, t.taskId, ['ID', 'STATUS'])).status)
    } catch (e) {
      if (e instanceof Bitrix24Error && !e.retryable) {
        // the task was deleted in the portal: nothing left to close
        await repo.markClosed(memberId, t.receivableId, t.stepKey, 'done', today)
        out.done++
        continue
      }
      throw e
    }
    if (status === TASK_DONE) {
      await repo.markClosed(memberId, t.receivableId, t.stepKey, 'done', today)
      out.done++
      continue
    }
    await writeOnce(
      ports.effects,
      memberId,
      effectKeys.dunningStepTaskClose(memberId, t.receivableId, t.stepKey, t.reason),
      {
        write: async () => ({
          commentId: await tasks.comment(client, t.taskId, commentOf(t, lang)),
        }),
      },
    )
    // the state change is idempotent: a retry completes or defers an already completed or deferred task again
    if (t.reason === 'paid') await tasks.complete(client, t.taskId)
    else if (status !== TASK_DEFERRED) await tasks.defer(client, t.taskId)
    await repo.markClosed(memberId, t.receivableId, t.stepKey, t.reason, today)
    if (t.reason === 'paid') out.closed++
    else out.skipped++
  }
  return out
}
