// "Send now" from the collection plan tab: the text of the receivable's current step (or the one the
// user edited) goes out at once on the chosen channels, once per request id, logged and commented.
// Also the template preview of the admin page.
import {
  callbackFallbackNote,
  channelWord,
  daysOverdueOf,
  DunningError,
  formatDay,
  invoiceVariables,
  renderTemplate,
  templateFor,
  TEMPLATE_VARIABLES,
  unknownVariables,
  type Template,
} from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { DunningPreviewResponse, DunningSendNowResponse } from '../../../contracts/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { openReceivable, type Actor } from './dunning-actions.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { composeNow } from './compose-now.ts'
import { dunningTimelineComment } from './dunning-channels.ts'
import { sendNowChannels, sendNowOn } from './send-now-channels.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/
const invalid = (m: string) => new DunningError('dunning.invalid-input', m)

export interface SendNowInput {
  requestId: unknown
  subject?: unknown
  body?: unknown
  channels?: unknown
}

export async function sendDunningNow(
  ports: DunningPorts,
  a: Actor,
  receivableId: number,
  i: SendNowInput,
): Promise<DunningSendNowResponse> {
  if (typeof i.requestId !== 'string' || !REQUEST_ID.test(i.requestId))
    throw invalid('requestId must be 8-64 letters, digits, - or _')
  for (const [k, v, max] of [
    ['subject', i.subject, 250],
    ['body', i.body, 10_000],
  ] as const) {
    if (v !== undefined && (typeof v !== 'string' || !v.trim() || v.length > max))
      throw invalid(`${k} must be non-empty text up to ${max} characters`)
  }
  const channels = sendNowChannels(i.channels)
  const row = await openReceivable(ports, a.memberId, receivableId)
  const { today, calendar, lang: portalLang } = await portalDay(ports, a.memberId)
  const msg = await composeNow(ports, a.memberId, row, channels)
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(a.memberId)
  const subject = typeof i.subject === 'string' ? i.subject.trim() : msg.subject
  const body = typeof i.body === 'string' ? i.body : msg.body
  const state = await ports.installState(a.memberId)
  const p = state?.processes.receivables
  const { sent, failed, callback } = await sendNowOn(ports, client, channels, {
    memberId: a.memberId,
    userId: a.userId,
    receivableId,
    requestId: i.requestId,
    row,
    subject,
    body,
    calendar,
    today,
    lang: msg.lang,
    portalLang,
    entityTypeId: p?.entityTypeId ?? null,
  })
  const stepKey = `m.${i.requestId}`
  await ports.repo.logStep(a.memberId, {
    receivableId,
    stepKey,
    kind: 'manual',
    status: sent.length ? 'sent' : 'skipped',
    onDate: today,
    detail: { channels: sent, failed, subject, ...(callback ? { callback } : {}) },
    actor: `user:${a.userId}`,
  })
  if (p && row.itemId && sent.length) {
    // for the employees who read the card: the portal's language, dd.mm.yyyy, channels in words
    const ru = portalLang === 'ru'
    const rang = callback && 'callId' in callback
    const via = sent
      .map((c) => (c === 'call' && rang ? (ru ? 'обратный звонок' : 'callback') : channelWord(c, portalLang)))
      .join(', ')
    const day = formatDay(today, portalLang)
    const note = callback && 'fallback' in callback ? ` ${callbackFallbackNote(callback.fallback, portalLang)}.` : ''
    const text = ru
      ? `Напоминание отправлено вручную ${day} (${via}):${note} ${subject}`
      : `Reminder sent manually on ${day} (${via}):${note} ${subject}`
    await dunningTimelineComment(
      ports,
      client,
      a.memberId,
      effectKeys.dunningTimeline(a.memberId, receivableId, stepKey),
      p.entityTypeId,
      row.itemId,
      text,
    )
  }
  return { sent, failed, subject, body }
}

const SAMPLE = {
  invoiceNumber: 'A-1024',
  invoiceDate: '2025-05-20',
  dueDate: '2025-06-16',
  amount: 150_000_00,
  remaining: 100_000_00,
  daysOverdue: 12,
  penalty: 1_234_56,
}

export async function previewDunningTemplate(
  ports: DunningPorts,
  memberId: string,
  i: { lang?: unknown; templateId?: unknown; template?: unknown; receivableId?: unknown; daysOverdue?: unknown },
): Promise<DunningPreviewResponse> {
  const lang = i.lang === undefined ? 'ru' : i.lang
  if (lang !== 'ru' && lang !== 'en') throw invalid('lang must be "ru" or "en"')
  const rules = await loadDunningRules(ports, memberId)
  let t: Template
  if (i.template !== undefined) {
    const x = i.template as Template
    if (!x || typeof x !== 'object' || typeof x.subject !== 'string' || typeof x.body !== 'string' || !x.body.trim())
      throw invalid('template must be {subject, body} with a non-empty body')
    const unknown = [...unknownVariables(x.subject), ...unknownVariables(x.body)]
    if (unknown.length)
      throw new DunningError('dunning.unknown-variable', `unknown variables: ${unknown.join(', ')}`, { unknown })
    t = x
  } else if (typeof i.templateId === 'string') t = templateFor(rules, i.templateId, lang)
  else if (i.receivableId !== undefined) {
    // the collection plan's "Send now": the text that would go, of the receivable's current step
    const id = i.receivableId
    if (!Number.isSafeInteger(id) || (id as number) <= 0) throw invalid('receivableId must be a positive integer')
    const row = await openReceivable(ports, memberId, id as number)
    const now = await composeNow(ports, memberId, row, ['email'])
    return { subject: now.subject, body: now.body, variables: [...TEMPLATE_VARIABLES] }
  } else throw invalid('templateId or template is required')
  if (
    i.daysOverdue !== undefined &&
    !(Number.isSafeInteger(i.daysOverdue) && (i.daysOverdue as number) >= 0 && (i.daysOverdue as number) <= 3650)
  )
    throw invalid('daysOverdue must be a whole number from 0 to 3650')
  // the admin page previews a ladder step: the sample invoice is as many days overdue as the step is after the due date
  let facts = i.daysOverdue === undefined ? SAMPLE : { ...SAMPLE, daysOverdue: i.daysOverdue as number }
  let party = {
    counterparty: lang === 'ru' ? 'ООО «Ромашка»' : 'Romashka LLC',
    manager: lang === 'ru' ? 'Иван Петров' : 'Ivan Petrov',
    paymentDetails: rules.paymentDetails,
  }
  if (i.receivableId !== undefined) {
    if (!Number.isSafeInteger(i.receivableId) || (i.receivableId as number) <= 0)
      throw invalid('receivableId must be a positive integer')
    const row = await ports.repo.one(memberId, i.receivableId as number)
    if (!row) throw new DunningError('dunning.not-found', `receivable ${String(i.receivableId)} not found`)
    const { today } = await portalDay(ports, memberId)
    facts = {
      invoiceNumber: row.invoiceNumber,
      invoiceDate: row.invoiceDate,
      dueDate: row.dueDate,
      amount: row.amount,
      remaining: row.remaining,
      daysOverdue: daysOverdueOf(row.dueDate, today),
      penalty: 0,
    }
    party = { ...party, counterparty: row.counterpartyName }
  }
  const vars = {
    ...invoiceVariables(facts, party, lang),
    invoice_list: `— ${facts.invoiceNumber}`,
    total_remaining: invoiceVariables(facts, party, lang).remaining,
  }
  return { ...renderTemplate(t, vars), variables: [...TEMPLATE_VARIABLES] }
}
