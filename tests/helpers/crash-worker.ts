// A worker process for the crash test: `tsx crash-worker.ts <mode> <dataDir|url> <markerDir>`.
// mode "hang": marks the job started and never finishes (the test SIGKILLs it).
// mode "finish": runs the job to completion and writes a done marker.
import { appendFileSync } from 'node:fs'
import pino from 'pino'
import { openDatabase } from '../../server/storage/database.ts'
import { migrate } from '../../server/storage/migrate.ts'
import { createQueue } from '../../server/jobs/queue.ts'

const [mode, target, markerDir] = process.argv.slice(2)
const database = await openDatabase(
  target.startsWith('postgres') ? { url: target, dataDir: '' } : { url: null, dataDir: target },
)
await migrate(database)
const queue = await createQueue({
  database,
  log: pino({ level: 'silent' }),
  superviseIntervalSeconds: 1,
  definitions: [{ name: 'crash-probe', retryLimit: 3, retryDelay: 1, heartbeatSeconds: 10 }],
})
if (mode === 'send') {
  await queue.send('crash-probe', { n: 42 }, { key: 'crash-1' })
  await queue.stop(false)
  await database.close()
  process.exit(0)
}
await queue.work<{ n: number }>(
  'crash-probe',
  async (job) => {
    appendFileSync(`${markerDir}/${mode}.log`, `${job.data.n}\n`)
    if (mode === 'hang') await new Promise(() => {})
  },
  { pollingSeconds: 1 },
)
process.stdout.write('ready\n')
