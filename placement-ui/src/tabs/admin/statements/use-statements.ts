// The statements section's state: upload with progress (bytes, then matching), recent imports,
// and the review queue with assign / dismiss; lines held by a balance mismatch are accepted one by one
// or all of an import at once.
import { ref, shallowRef } from 'vue'
import type { Api } from '../../../app/api.ts'
import type { Upload } from '../../../app/upload.ts'
import type {
  ReviewQueueDto,
  StatementImportDto,
  StatementLineDto,
  StatementsOverviewDto,
} from '../../../../../contracts/statements.ts'

export function useStatements(api: Api, upload: Upload | undefined, failed: (e: unknown) => string) {
  const overview = shallowRef<StatementsOverviewDto | null>(null)
  const queue = shallowRef<StatementLineDto[]>([])
  const current = shallowRef<StatementImportDto | null>(null)
  const phase = ref<'idle' | 'uploading' | 'matching' | 'done'>('idle')
  const progress = ref(0)
  const error = ref<string | null>(null)
  const busyLine = ref<number | null>(null)

  async function refresh() {
    try {
      const [o, q] = await Promise.all([
        api<StatementsOverviewDto>('/statements'),
        api<ReviewQueueDto>('/statement-review?limit=200'),
      ])
      overview.value = o
      queue.value = q.lines
    } catch (e) {
      error.value = failed(e)
    }
  }

  async function send(file: File) {
    if (!upload) {
      error.value = 'upload is not available'
      return
    }
    error.value = null
    phase.value = 'uploading'
    progress.value = 0
    try {
      let imp = await upload<StatementImportDto>(`/statements?fileName=${encodeURIComponent(file.name)}`, file, (f) => {
        progress.value = Math.round(f * 100)
      })
      current.value = imp
      phase.value = 'matching'
      while (imp.status === 'processing') {
        progress.value = imp.incoming ? Math.round((imp.processed / imp.incoming) * 100) : 100
        await new Promise((r) => setTimeout(r, 500))
        imp = await api<StatementImportDto>(`/statements/${imp.id}`)
        current.value = imp
      }
      progress.value = 100
      phase.value = 'done'
      await refresh()
    } catch (e) {
      phase.value = 'idle'
      error.value = failed(e)
    }
  }

  async function resolve(
    line: StatementLineDto,
    action: { assign: { receivableId: number; amount: number }[] } | { dismiss: string } | { accept: true },
  ) {
    busyLine.value = line.id
    error.value = null
    try {
      if ('assign' in action) await api(`/statement-review/${line.id}/assign`, { body: { allocations: action.assign } })
      else if ('accept' in action) await api(`/statement-review/${line.id}/accept`, { method: 'POST' })
      else await api(`/statement-review/${line.id}/dismiss`, { body: { reason: action.dismiss } })
      await refresh()
    } catch (e) {
      error.value = failed(e)
    } finally {
      busyLine.value = null
    }
  }

  async function acceptAll(importId: number) {
    error.value = null
    busyLine.value = -importId
    try {
      current.value = await api<StatementImportDto>(`/statements/${importId}/accept`, { method: 'POST' })
      await refresh()
    } catch (e) {
      error.value = failed(e)
    } finally {
      busyLine.value = null
    }
  }

  return { overview, queue, current, phase, progress, error, busyLine, refresh, send, resolve, acceptAll }
}
