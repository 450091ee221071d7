// What the /api fuzz knows about each route: a real value for each path parameter, the query keys,
// and the body (a valid template plus the fields that are required, so a near miss breaks exactly
// one of them). A route the app registers that is missing here fails the coverage test.
export interface RouteSpec {
  method: string
  url: string
  params: Record<string, string>
  query: string[]
  /** 'none': the route reads no body; 'free': only junk bodies are generated (no template). */
  body: 'none' | 'free' | { template: Record<string, unknown>; required: string[] }
  /** The route takes raw file bytes: a valid file to send when another part is broken. */
  raw?: Buffer
  /** Authenticated by an API key, not by a portal user's token. */
  apiKey?: boolean
  /** Needs no credentials at all. */
  public?: boolean
}

export interface SpecIds {
  receivable: string
  payment: string
  company: string
  line: string
  statement: string
  apiKey: string
  inn: string
}

/** A valid 1×1 PNG (an uploadable logo). */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** The smallest PDF header a stage template upload accepts as a PDF. */
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')

type Entry = [string, Record<string, string>, string[], RouteSpec['body'], Partial<RouteSpec>?]

export function routeSpecs(ids: SpecIds, rawStatement: Buffer): RouteSpec[] {
  const cp = { type: 'company', id: ids.company }
  const rec = { id: ids.receivable }
  const approval = { id: '1' }
  const claim = { id: '1' }
  const entries: Entry[] = [
    ['GET /api/whoami', {}, [], 'none'],
    ['GET /api/counterparties/:type/:id/summary', cp, [], 'none'],
    ['GET /api/counterparties/:type/:id/contracts', cp, [], 'none'],
    [
      'POST /api/counterparties/:type/:id/contracts/:contractId/close',
      { ...cp, contractId: '1' },
      [],
      { template: { closedOn: '2026-01-10', reason: 'terminated' }, required: ['closedOn', 'reason'] },
    ],
    ['POST /api/counterparties/:type/:id/contracts/:contractId/reopen', { ...cp, contractId: '1' }, [], 'none'],
    ['GET /api/counterparties/:type/:id/interactions', cp, [], 'none'],
    ['GET /api/claims/item/:itemId', { itemId: '1' }, [], 'none'],
    [
      'POST /api/claims/:id/tranches',
      claim,
      [],
      { template: { deadline: '2030-01-10', amount: 100 }, required: ['deadline', 'amount'] },
    ],
    [
      'PUT /api/claims/:id/tranches/:trancheId',
      { ...claim, trancheId: '1' },
      [],
      { template: { deadline: '2030-01-10', amount: 100 }, required: ['deadline', 'amount'] },
    ],
    ['DELETE /api/claims/:id/tranches/:trancheId', { ...claim, trancheId: '1' }, [], 'none'],
    ['POST /api/claims/:id/letter', claim, [], 'none'],
    ['GET /api/claims/:id/statement-of-claim.docx', claim, ['date', 'court', 'courtName'], 'none'],
    ['GET /api/claims/:id/stage-forms/:stage', { ...claim, stage: 'FIRST_NOTICE' }, [], 'none'],
    [
      'POST /api/counterparties/:type/:id/reconciliation-acts',
      cp,
      [],
      { template: { from: '2026-01-01', to: '2026-06-30' }, required: ['from'] },
    ],
    [
      'GET /api/receivables',
      {},
      ['page', 'pageSize', 'q', 'filter', 'sort', 'dir', 'counterpartyType', 'counterpartyId'],
      'none',
    ],
    [
      'POST /api/receivables',
      {},
      [],
      {
        template: {
          counterparty: { type: 'company', id: Number(ids.company) },
          invoiceNumber: 'FZ-1',
          invoiceDate: '2026-09-01',
          dueDate: '2026-10-01',
          amount: 100,
        },
        required: ['counterparty', 'invoiceNumber', 'invoiceDate', 'dueDate', 'amount'],
      },
    ],
    ['GET /api/receivables/:id', rec, [], 'none'],
    ['GET /api/receivables/:id/invoice-pdf', rec, [], 'none'],
    [
      'POST /api/receivables/:id/payments',
      rec,
      [],
      {
        template: { amount: 100, paidOn: '2026-10-06', sourceRef: 'fz-1' },
        required: ['amount', 'paidOn', 'sourceRef'],
      },
    ],
    [
      'POST /api/receivables/:id/hand-over',
      rec,
      [],
      { template: { userId: 1, comment: 'x', requestId: 'fuzz-request-1' }, required: ['userId', 'requestId'] },
    ],
    ['GET /api/reports/collection', {}, [], 'none'],
    ['GET /api/reports/claims', {}, ['lang'], 'none'],
    ['GET /api/reports/promises', {}, [], 'none'],
    ['GET /api/reports/payouts', {}, ['period', 'from', 'to'], 'none'],
    ['GET /api/reports/approvals', {}, [], 'none'],
    ['GET /api/ageing', {}, ['counterpartyType', 'counterpartyId'], 'none'],
    ['GET /api/approvals/settings', {}, [], 'none'],
    ['PUT /api/approvals/settings/roles', {}, [], { template: { head: 1 }, required: ['head'] }],
    [
      'PUT /api/approvals/settings/sla',
      {},
      [],
      { template: { cutoff: '15:00', endOfDay: '18:00' }, required: ['cutoff', 'endOfDay'] },
    ],
    ['GET /api/approvals/telegram/link', {}, [], 'none'],
    ['POST /api/approvals/telegram/link-code', {}, [], 'none'],
    ['GET /api/approvals/item/:entityTypeId/:itemId', { entityTypeId: '1040', itemId: '1' }, [], 'none'],
    ['POST /api/approvals/item/:entityTypeId/:itemId/start', { entityTypeId: '1040', itemId: '1' }, [], 'none'],
    ['GET /api/approvals/:id', approval, [], 'none'],
    ['POST /api/approvals/:id/take', approval, [], 'none'],
    [
      'POST /api/approvals/:id/decision',
      approval,
      [],
      { template: { decision: 'approve', round: 1, stepIndex: 0 }, required: ['decision', 'round', 'stepIndex'] },
    ],
    ['GET /api/admin/api-keys', {}, [], 'none'],
    ['POST /api/admin/api-keys', {}, [], { template: { name: '1C' }, required: ['name'] }],
    ['DELETE /api/admin/api-keys/:id', { id: ids.apiKey }, [], 'none'],
    ['GET /api/admin/calendar', {}, [], 'none'],
    [
      'PUT /api/admin/calendar',
      {},
      [],
      {
        template: { timezone: 'Europe/Moscow', workStart: '09:00', workEnd: '18:00' },
        required: ['timezone', 'workStart', 'workEnd'],
      },
    ],
    [
      'POST /api/admin/calendar/year',
      {},
      [],
      { template: { year: 2031, transfers: '04.01.2031 -> 02.05.2031' }, required: ['year', 'transfers'] },
    ],
    ['GET /api/admin/claim-letter-template', {}, ['inn'], 'none'],
    [
      'PUT /api/admin/claim-letter-template',
      {},
      [],
      { template: { lang: 'ru', template: { intro: 'x' } }, required: ['lang', 'template'] },
    ],
    [
      'POST /api/admin/claim-letter-template/preview',
      {},
      [],
      { template: { lang: 'ru', template: { intro: 'x' } }, required: ['lang', 'template'] },
    ],
    ['GET /api/admin/connection', {}, [], 'none'],
    ['GET /api/admin/key-rates', {}, [], 'none'],
    [
      'POST /api/admin/key-rates',
      {},
      [],
      { template: { from: '2030-01-01', percent: '16.00' }, required: ['from', 'percent'] },
    ],
    ['GET /api/admin/legal-entity', {}, [], 'none'],
    [
      'PUT /api/admin/legal-entity',
      {},
      [],
      { template: { name: 'ООО Б', inn: '7701234567' }, required: ['name', 'inn'] },
    ],
    ['GET /api/admin/legal-entities', {}, [], 'none'],
    [
      'PUT /api/admin/legal-entities',
      {},
      [],
      { template: { entity: { name: 'ООО Б', inn: '7701234567' } }, required: ['entity'] },
    ],
    ['DELETE /api/admin/legal-entities/:inn', { inn: ids.inn }, [], 'none'],
    ['GET /api/admin/legal-entities/:inn/images', { inn: ids.inn }, [], 'none'],
    [
      'PUT /api/admin/legal-entities/:inn/images/:kind',
      { inn: ids.inn, kind: 'logo' },
      [],
      { template: { data: ONE_PIXEL_PNG }, required: ['data'] },
    ],
    ['DELETE /api/admin/legal-entities/:inn/images/:kind', { inn: ids.inn, kind: 'logo' }, [], 'none'],
    ['GET /api/admin/thank-you', {}, [], 'none'],
    [
      'PUT /api/admin/thank-you',
      {},
      [],
      {
        template: { enabled: true, subject: 'Спасибо', template: 'Счёт {invoice} оплачен' },
        required: ['enabled', 'template'],
      },
    ],
    ['GET /api/admin/receivable-statuses', {}, [], 'none'],
    [
      'PUT /api/admin/receivable-statuses',
      {},
      [],
      { template: { dueSoonDays: 5, stuckDays: 30 }, required: ['dueSoonDays', 'stuckDays'] },
    ],
    ['GET /api/admin/stage-requirements', {}, [], 'none'],
    [
      'PUT /api/admin/stage-requirements',
      {},
      [],
      { template: { requirements: { CLAIM_SENT: ['claim-letter'] } }, required: ['requirements'] },
    ],
    ['GET /api/admin/stage-templates', {}, [], 'none'],
    [
      'PUT /api/admin/stage-templates/:stage',
      { stage: 'FIRST_NOTICE' },
      [],
      { template: { fileName: 'notice.pdf', data: MINIMAL_PDF }, required: ['fileName', 'data'] },
    ],
    ['DELETE /api/admin/stage-templates/:stage', { stage: 'FIRST_NOTICE' }, [], 'none'],
    ['GET /api/admin/stage-templates/:stage/preview', { stage: 'FIRST_NOTICE' }, [], 'none'],
    ['GET /api/admin/claim-settings', {}, [], 'none'],
    [
      'PUT /api/admin/claim-settings',
      {},
      [],
      { template: { accountantId: 1, taskDaysBefore: 3, specialistId: 1 }, required: ['accountantId', 'specialistId'] },
    ], // taskDaysBefore: a near miss of 0 is a valid day count
    ['GET /api/admin/dunning-review', {}, [], 'none'],
    // every near miss of these bodies has a valid neighbour (no segments, hour 0, an empty edit is refused
    // by its own rule): junk bodies only
    ['PUT /api/admin/dunning-review/settings', {}, [], 'free'],
    ['POST /api/admin/dunning-review/send-all', {}, [], 'none'],
    ['POST /api/admin/dunning-review/:id/send', { id: '1' }, [], 'none'],
    ['POST /api/admin/dunning-review/:id/skip', { id: '1' }, [], 'none'],
    ['POST /api/admin/dunning-review/:id/edit', { id: '1' }, [], 'free'],
    ['GET /api/admin/receivable-source', {}, [], 'none'],
    [
      'PUT /api/admin/receivable-source',
      {},
      [],
      { template: { source: 'deals', stages: { '0': 'WON' } }, required: ['source'] },
    ],
    ['GET /api/admin/statement-settings', {}, [], 'none'],
    ['PUT /api/admin/statement-settings', {}, [], { template: { notifyIds: [1] }, required: ['notifyIds'] }],
    ['POST /api/admin/telegram/check', {}, [], 'none'],
    ['GET /api/admin/penalty-defaults', {}, [], 'none'],
    [
      'PUT /api/admin/penalty-defaults',
      {},
      [],
      {
        template: {
          terms: { method: 'per-day', percentPerDay: '0.1' },
          windows: [
            {
              id: 'moratorium-2022',
              label: 'Мораторий',
              from: '2022-04-01',
              to: '2022-10-01',
              appliesToObligationsBefore: '2022-04-01',
            },
          ],
          optOuts: [{ entityType: 'company', entityId: Number(ids.company), windowIds: ['moratorium-2022'] }],
        },
        required: ['terms', 'windows'],
      },
    ], // optOuts: [] is a valid list (nobody opted out)
    ['GET /api/admin/penalty-defaults/debtors', {}, ['q'], 'none'],
    ['GET /api/admin/email-sender', {}, [], 'none'],
    [
      'PUT /api/admin/email-sender',
      {},
      [],
      { template: { name: 'Бухгалтерия', address: 'buh@example.com' }, required: ['address'] },
    ], // an empty name is valid (the address alone),
    ['POST /api/payments/:id/reverse', { id: ids.payment }, [], 'free'], // reason is optional ({} reverses): only junk bodies
    [
      'POST /api/interactions/ping',
      {},
      [],
      { template: { kind: 'task', id: 1, requestId: 'fuzz-request-1' }, required: ['kind', 'id', 'requestId'] },
    ],
    ['GET /api/install/plan', {}, [], 'none'],
    ['POST /api/install/apply', {}, [], 'none'],
    ['POST /api/admin/connection/check', {}, [], 'none'],
    [
      'POST /api/admin/connection/reconnect',
      {},
      [],
      { template: { refreshToken: 'fuzz-refresh-token' }, required: ['refreshToken'] },
    ],
    ['GET /api/items/receivables/:itemId', { itemId: '1' }, [], 'none'],
    ['GET /api/dunning/counterparties/:type/:id/plan', cp, [], 'none'],
    ['GET /api/dunning/counterparties/:type/:id/settings', cp, [], 'none'],
    ['POST /api/dunning/counterparties/:type/:id/telegram-link', cp, [], 'none'],
    [
      'POST /api/dunning/counterparties/:type/:id/settings',
      cp,
      [],
      { template: { doNotDun: true }, required: ['doNotDun'] },
    ],
    ['POST /api/dunning/receivables/:id/settings', rec, [], { template: { doNotDun: true }, required: ['doNotDun'] }],
    [
      'POST /api/dunning/receivables/:id/send-now',
      rec,
      [],
      { template: { requestId: 'fuzz-request-1', channels: ['email'] }, required: ['requestId', 'channels'] },
    ],
    ['POST /api/dunning/receivables/:id/skip', rec, [], { template: { stepKey: 'r.1' }, required: ['stepKey'] }],
    [
      'POST /api/dunning/receivables/:id/pause',
      rec,
      [],
      { template: { until: '2099-01-01', reason: 'x' }, required: ['until', 'reason'] },
    ],
    [
      'POST /api/dunning/receivables/:id/promise',
      rec,
      [],
      { template: { date: '2099-01-01', amount: 100 }, required: ['date', 'amount'] },
    ],
    ['POST /api/dunning/receivables/:id/open-claim', rec, [], 'none'],
    ['POST /api/dunning/templates/preview', {}, [], { template: { lang: 'ru' }, required: ['lang'] }],
    ['GET /api/dunning/settings', {}, [], 'none'],
    ['PUT /api/dunning/settings', {}, [], 'free'],
    ['POST /api/statements', {}, [], 'free', { raw: rawStatement }],
    ['GET /api/statements', {}, [], 'none'],
    ['GET /api/statements/:id', { id: ids.statement }, [], 'none'],
    ['GET /api/statements/:id/lines', { id: ids.statement }, ['afterId', 'limit'], 'none'],
    ['GET /api/statement-review', {}, ['afterId', 'limit'], 'none'],
    ['POST /api/statements/:id/accept', { id: ids.statement }, [], 'none'],
    ['POST /api/statement-review/:lineId/accept', { lineId: ids.line }, [], 'none'],
    [
      'POST /api/statement-review/:lineId/assign',
      { lineId: ids.line },
      [],
      { template: { allocations: [{ receivableId: Number(ids.receivable), amount: 500 }] }, required: ['allocations'] },
    ],
    [
      'POST /api/statement-review/:lineId/dismiss',
      { lineId: ids.line },
      [],
      { template: { reason: 'x' }, required: ['reason'] },
    ],
    ['GET /api/v1/openapi.json', {}, ['x'], 'none', { public: true }],
    [
      'POST /api/v1/payments',
      {},
      [],
      {
        template: { reference: 'fz-1', amount: 100, paidOn: '2026-10-06', payerInn: '7705000001' },
        required: ['reference', 'amount', 'paidOn'],
      },
      { apiKey: true },
    ],
    ['GET /api/exports/:file', { file: 'payouts.csv' }, ['lang', 'period', 'from', 'to', 'group'], 'none'],
    ['GET /api/exports/reports/:file', { file: 'ageing.csv' }, ['lang'], 'none'],
  ]
  return entries.map(([k, params, query, body, extra]) => {
    const [method, url] = k.split(' ')
    return { method, url, params, query, body, ...extra }
  })
}
