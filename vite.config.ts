import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import b24ui from '@bitrix24/b24ui-nuxt/vite'
import { postAsGet } from './placement-ui/vite-post-as-get.ts'
import { kitIcons } from './placement-ui/vite-kit-icons.ts'
import { SlowFirstSequencer } from './tests/helpers/slow-first-sequencer.ts'

const projectRoot = fileURLToPath(new URL('.', import.meta.url))
const slowTimeout = 30_000
const integrationWorkers = Number(process.env.TEST_WORKERS ?? 3)
// Files that start processes of their own and judge how busy they keep the portal's bucket: they
// run one at a time, in a Vitest run of their own at normal priority beside the rest, which runs under
// `nice -n 10` (`scripts/test-all.ts`; alone: `vitest --project serial`).
// The sandbox's rate-limit timing test judges a client's pace to the millisecond: it runs there too.
const serialFiles = [
  // the multi-process day judges the portal's bucket by the clock too. It waits far more than it
  // computes, but beside CPU-bound work its processes starve: tried beside the integration files, it
  // left payment requests unfinished; beside two busy loops, it overran the portal's limit
  'tests/reliability/multi-process.test.ts',
  'tests/sandbox/limits.test.ts',
  // the portal client's pacing and the bucket shared between processes are judged by the clock too
  'tests/integration/bitrix24/portal-client.test.ts',
  'tests/integration/bitrix24/shared-bucket.test.ts',
]
// Headless Chromium drives real pages with waits of their own: beside three integration files on 2
// cores they ran out of time (the invoice card tab took 56 s); two at a time, with nothing else
// running, they pass (`vitest --project browser`, after the integration files, before `serial`).
const browserFiles = ['tests/e2e/**/*.test.ts']
const browserWorkers = Math.min(2, integrationWorkers)

// One config for the placement UI build (root: placement-ui, served under /ui/) and for the
// three Vitest projects: unit (pure and server-side modules), ui (happy-dom), integration (tests/).
export default defineConfig({
  root: fileURLToPath(new URL('./placement-ui', import.meta.url)),
  base: '/ui/',
  plugins: [
    kitIcons(),
    vue(),
    b24ui({
      router: false,
      colorMode: false,
      prose: false,
      mdc: false,
      // the CSS of the detected components only: NativeSelect and NativeCheckbox use the kit's select and
      // checkbox themes without the kit's components, so those two are named
      experimental: { componentDetection: ['Select', 'Checkbox'] },
    } as Parameters<typeof b24ui>[0]),
    postAsGet(),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // .vite/manifest.json: which chunks a tab imports (the shell preloads them, server/http/bitrix/ui-preloads.ts)
    manifest: true,
  },
  test: {
    root: projectRoot,
    // Vitest runs one file at a time on a 2-core machine by default (cores - 1); most files wait on
    // the sandbox, the queue and the browser far more than they compute, so more run at once.
    maxWorkers: integrationWorkers,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          root: projectRoot,
          environment: 'node',
          // pure modules that share no state: one worker runs many files, paying for the imports once
          // (84 files: 32 s -> 10 s); a test that edits what a module hands out shows up here
          isolate: false,
          include: [
            'server/**/*.test.ts',
            'robots/**/*.test.ts',
            'install/**/*.test.ts',
            'sandbox/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          root: projectRoot,
          environment: 'happy-dom',
          // every file mounts its own components; sharing the workers spares each file the UI library's
          // imports (38 files: 56 s -> 10-15 s)
          isolate: false,
          include: ['placement-ui/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          root: projectRoot,
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [...serialFiles, ...browserFiles],
          // One worker runs many files, paying for the server's and the sandbox's imports once (a third
          // less CPU). Nothing a file makes is shared: each has its own database, sandbox, ports and
          // clock. TEST_ISOLATE=1 gives every file a fresh module graph again (to find a leak between files).
          isolate: process.env.TEST_ISOLATE === '1',
          // RC_SQL_TRACE=<dir> records the SQL each file sends to PostgreSQL (scripts/ci/pg-coverage.ts)
          setupFiles: ['tests/helpers/sql-trace.ts'],
          globalSetup: ['tests/helpers/migrated-database.global.ts'],
          testTimeout: slowTimeout,
          hookTimeout: slowTimeout,
          // Files share nothing (a database, ports and temp dirs of their own) and mostly wait on the
          // sandbox and the queue, so more files than cores run at once.
          maxWorkers: integrationWorkers,
        },
      },
      {
        test: {
          name: 'browser',
          root: projectRoot,
          environment: 'node',
          include: browserFiles,
          globalSetup: ['tests/helpers/migrated-database.global.ts'],
          testTimeout: slowTimeout,
          hookTimeout: slowTimeout,
          maxWorkers: browserWorkers,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'serial',
          root: projectRoot,
          environment: 'node',
          include: serialFiles,
          globalSetup: ['tests/helpers/migrated-database.global.ts'],
          testTimeout: slowTimeout,
          hookTimeout: slowTimeout,
          fileParallelism: false,
          // after everything else: these measure throughput of their own processes
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
