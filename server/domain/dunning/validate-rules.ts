// Settings from the admin page are checked in full before they are stored; every problem is listed.
import { DunningError } from './dunning-error.ts'
import { unknownVariables } from './render-template.ts'
import { windowMinutes } from './send-window.ts'
import { CALL_MODES, CHANNELS, type DunningRules } from './types.ts'
import { checkSegmentRules } from './validate-segment-rules.ts'
import { checkTaskSteps } from './validate-task-steps.ts'

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/
const isInt = (v: unknown, min: number, max: number) =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function validateDunningRules(input: unknown): DunningRules {
  const errors: string[] = []
  const bad = (path: string, what: string) => errors.push(`${path}: ${what}`)
  if (!isObj(input))
    throw new DunningError('dunning.invalid-rules', 'rules must be an object', { errors: ['rules must be an object'] })
  const r = input as unknown as DunningRules
  if (!Array.isArray(r.ladders) || !r.ladders.length) bad('ladders', 'at least one ladder is required')
  if (!isObj(r.templates)) bad('templates', 'must be an object')
  const ladderIds = new Set<string>()
  const templateIds = new Set(isObj(r.templates) ? Object.keys(r.templates) : [])
  const checkChannels = (path: string, ch: unknown) => {
    if (!Array.isArray(ch) || !ch.length || ch.some((c) => !CHANNELS.includes(c)))
      bad(path, `one or more of ${CHANNELS.join(', ')}`)
  }
  for (const [i, l] of (Array.isArray(r.ladders) ? r.ladders : []).entries()) {
    const p = `ladders[${i}]`
    if (!isObj(l) || typeof l.id !== 'string' || !ID.test(l.id)) {
      bad(p, 'id must be lower-case letters, digits, dashes')
      continue
    }
    if (ladderIds.has(l.id)) bad(p, `duplicate ladder id "${l.id}"`)
    ladderIds.add(l.id)
    try {
      windowMinutes(l.window)
    } catch (e) {
      bad(`${p}.window`, (e as Error).message)
    }
    const stepIds = new Set<string>()
    if (!Array.isArray(l.steps) || !l.steps.length) bad(`${p}.steps`, 'at least one step')
    for (const [j, s] of (Array.isArray(l.steps) ? l.steps : []).entries()) {
      const q = `${p}.steps[${j}]`
      if (!isObj(s) || typeof s.id !== 'string' || !ID.test(s.id) || s.id.startsWith('tail-')) {
        bad(q, 'id must be lower-case letters, digits, dashes (not tail-*)')
        continue
      }
      if (stepIds.has(s.id)) bad(q, `duplicate step id "${s.id}"`)
      stepIds.add(s.id)
      if (!['invoice', 'due', 'previous', 'claim-sent'].includes(s.anchor))
        bad(`${q}.anchor`, 'invoice, due, previous or claim-sent')
      if (!isInt(s.offset, -365, 365)) bad(`${q}.offset`, 'an integer from -365 to 365')
      if (!['working', 'calendar'].includes(s.unit)) bad(`${q}.unit`, 'working or calendar')
      if (!['next', 'previous', 'keep'].includes(s.dayOff)) bad(`${q}.dayOff`, 'next, previous or keep')
      checkChannels(`${q}.channels`, s.channels)
      if (!templateIds.has(s.template)) bad(`${q}.template`, `unknown template "${s.template}"`)
    }
    checkTaskSteps(`${p}.tasks`, l.tasks, r, templateIds, bad)
    if (l.tail !== null) {
      const t = l.tail
      if (
        !isObj(t) ||
        !isInt(t.everyDays, 1, 90) ||
        !isInt(t.maxRepeats, 0, 52) ||
        !['working', 'calendar'].includes(t.unit)
      )
        bad(`${p}.tail`, 'everyDays 1-90, maxRepeats 0-52, unit working|calendar (or null)')
      else {
        checkChannels(`${p}.tail.channels`, t.channels)
        if (!templateIds.has(t.template)) bad(`${p}.tail.template`, `unknown template "${t.template}"`)
      }
    }
  }
  checkSegmentRules(r.rules, ladderIds, bad)
  for (const [id, byLang] of Object.entries(isObj(r.templates) ? r.templates : {})) {
    for (const [lang, t] of Object.entries(byLang ?? {})) {
      if (
        !['ru', 'en'].includes(lang) ||
        !isObj(t) ||
        typeof t.subject !== 'string' ||
        typeof t.body !== 'string' ||
        !t.body.trim()
      ) {
        bad(`templates.${id}.${lang}`, 'subject and non-empty body')
        continue
      }
      const unknown = [...unknownVariables(t.subject), ...unknownVariables(t.body)]
      if (unknown.length) bad(`templates.${id}.${lang}`, `unknown variables ${unknown.join(', ')}`)
    }
  }
  if (isObj(r.templates) && !r.templates.consolidated)
    bad('templates.consolidated', 'required (several invoices in one message)')
  for (const k of ['headOfSalesId', 'lawyerId'] as const)
    if (r[k] !== null && !isInt(r[k], 1, 2 ** 31)) bad(k, 'a user id or null')
  if (!Array.isArray(r.legalNotifyIds) || r.legalNotifyIds.some((v) => !isInt(v, 1, 2 ** 31)))
    bad('legalNotifyIds', 'a list of user ids')
  if (typeof r.paymentDetails !== 'string' || r.paymentDetails.length > 2000)
    bad('paymentDetails', 'text up to 2000 characters')
  if (!isInt(r.catchUpDays, 0, 30)) bad('catchUpDays', 'an integer 0-30')
  if (typeof r.incomingTask !== 'boolean') bad('incomingTask', 'true or false')
  if (!CALL_MODES.includes(r.callMode)) bad('callMode', `one of ${CALL_MODES.join(', ')}`)
  if (errors.length)
    throw new DunningError('dunning.invalid-rules', `invalid dunning settings: ${errors.join('; ')}`, { errors })
  return r
}
