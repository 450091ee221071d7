// The import rules of ../shared/ARCHITECTURE.md ("Dependency rules"), checked by `npm run lint`
// (depcruise). One direction everywhere:
//   entry points (http/, events/, jobs/tasks/, robots/, cli/, the composition root server/*.ts)
//     -> use-cases -> domain / bitrix24 / storage / channels (Telegram client) -> lib
// Tests, fixtures and bench are not checked (they may reach anywhere to set up a world).
// What no tool here can see (process.env readers, the domain reading the clock, files over 300
// lines) is checked as text by tests/architecture/source-rules.test.ts.

const ENTRY = '^server/(http|events|jobs/tasks|cli)/|^robots/'
const ROOT_FILES = '^server/(app|main|worker-main|wiring|create-context|context)\\.ts$'

/** A rule: files matching `from` must not import files matching `to` (type-only imports count too). */
const forbid = (name, comment, from, to, extra = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, ...(extra.fromNot ? { pathNot: extra.fromNot } : {}) },
  to: { path: to, ...(extra.toNot ? { pathNot: extra.toNot } : {}), ...(extra.to ?? {}) },
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module imports itself around a circle (type-only imports included).',
      severity: 'error',
      from: { pathNot: '^sandbox/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-sandbox',
      comment:
        'The sandbox Runtime class hands itself to its parts (events, automation), which name its type: ' +
        'type-only back-references are allowed there, a runtime cycle is not.',
      severity: 'error',
      from: { path: '^sandbox/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      // pdfkit ships no ESM entry the resolver follows; the UI kit's vue-plugin and its themes (#build/b24ui/...) are
      // virtual modules of its Vite plugin, and its runtime/composables subpaths are package exports the resolver
      // does not follow; the kit icons' group entries (@bitrix24/b24icons-vue/outline ...) resolve to a .d.ts first
      to: {
        couldNotResolve: true,
        pathNot:
          '^(pdfkit|@bitrix24/b24ui-nuxt/(vue-plugin|runtime/.+|utils/tv|composables/.+)|#build/b24ui/[a-z-]+|@bitrix24/b24icons-vue/[a-z-]+)$',
      },
    },
    forbid(
      'domain-is-pure',
      'server/domain: pure rules, no I/O. Only the domain itself, luxon (dates) and node:crypto.',
      '^server/domain/',
      '^(server/(?!domain/)|robots/|install/(?!manifest-types\\.ts)|sandbox/|placement-ui/|contracts/)',
    ),
    forbid(
      'domain-no-io-packages',
      'server/domain must not use Fastify, the SDK, the database or the logger.',
      '^server/domain/',
      'node_modules/(fastify|@fastify|@bitrix24|pg|pg-boss|kysely|@electric-sql|pino)/',
    ),
    forbid(
      'use-cases-below-entries',
      'use-cases are called by entry points and never import them (nor the composition root): ' +
        'enqueueing goes through the JobQueue port (server/use-cases/job-queue.ts).',
      '^server/use-cases/',
      `${ENTRY}|^server/jobs/|${ROOT_FILES}|node_modules/(fastify|@fastify|pg-boss)/`,
    ),
    forbid(
      'adapters-below-use-cases',
      'bitrix24/, storage/, channels/ and lib/ are used by use-cases and never import them or an entry point.',
      '^server/(bitrix24|storage|channels|lib)/',
      `^server/use-cases/|${ENTRY}|^server/jobs/|${ROOT_FILES}|^robots/|^install/(?!manifest)`,
    ),
    forbid(
      'adapters-no-fastify',
      'Fastify belongs to server/http (and the composition root).',
      '^server/(bitrix24|storage|channels|lib|domain|use-cases|jobs|events)/|^robots/|^install/',
      'node_modules/(fastify|@fastify)/',
    ),
    forbid(
      'storage-no-sdk',
      'server/storage does not talk to portals.',
      '^server/storage/',
      '^server/bitrix24/|node_modules/@bitrix24/',
    ),
    forbid(
      'lib-is-a-leaf',
      'server/lib: tiny helpers that import nothing of the project but the typed config.',
      '^server/lib/',
      '^(server/(?!lib/|config\\.ts$)|robots/|install/|contracts/)',
    ),
    forbid(
      'queue-infrastructure-below-tasks',
      'server/jobs (queue, schedules) implements the use-cases port; only jobs/tasks/ runs use-cases.',
      '^server/jobs/(?!tasks/)',
      `^server/(http|events|cli)/|^robots/|${ROOT_FILES}`,
      { toNot: '^server/jobs/tasks/' },
    ),
    forbid(
      'entries-not-through-each-other',
      'An entry point does not import another kind of entry point (http/ and jobs/tasks/ may enqueue each ' +
        "other's job definitions; events/ run only from jobs/tasks/event-handle.ts).",
      '^server/(events|cli)/|^robots/',
      '^server/(http|jobs/tasks)/',
    ),
    forbid(
      'robots-isolated',
      'A robot imports robots/kit and the server, never another robot.',
      '^robots/([^/]+)/',
      '^robots/(?!kit/)([^/]+)/',
      { to: { pathNot: '^robots/$1/' } },
    ),
    forbid(
      'robots-no-sdk',
      'Robots call the portal through server/bitrix24, never the SDK directly.',
      '^robots/',
      'node_modules/@bitrix24/b24jssdk/',
    ),
    forbid('install-no-vue', 'install/ reads tab manifests, never Vue.', '^install/', 'node_modules/vue/|\\.vue$'),
    forbid(
      'contracts-are-types',
      'contracts/ holds the API types shared by server/http and placement-ui; it imports nothing else.',
      '^contracts/',
      '^(server|robots|install|sandbox|placement-ui)/',
    ),
    {
      name: 'placement-ui-only-contracts',
      comment: 'placement-ui imports nothing of the server, robots, install or sandbox; contracts/ as types only.',
      severity: 'error',
      from: { path: '^placement-ui/' },
      to: { path: '^(server|robots|install|sandbox)/' },
    },
    {
      name: 'placement-ui-contracts-types-only',
      comment:
        'contracts/ reaches placement-ui as types only (import type), but for the ru/en texts of the codes the API ' +
        'answers with (contracts/*-messages.ts: data with no imports, rendered by both sides).',
      severity: 'error',
      from: { path: '^placement-ui/' },
      to: { path: '^contracts/(?!.*-messages\\.ts$)', dependencyTypesNot: ['type-only'] },
    },
    forbid(
      'sandbox-standalone',
      'The sandbox is a portal emulator: nothing of server/, robots/, install/ or placement-ui/.',
      '^sandbox/',
      '^(server|robots|install|placement-ui|contracts)/',
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/|\\.test\\.ts$|/fixtures/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
