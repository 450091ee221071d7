// The segment rules part of the dunning settings: which ladder and escalation timers apply to a risk
// segment (optionally narrowed). Every problem is reported with its path and a plain reason.
import { RISK_SEGMENTS } from './types.ts'

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/
/** 1 trillion roubles: a larger minimum debt is a typo, not a rule. */
export const MAX_MIN_DEBT = 1_000_000_000_000_00
const isInt = (v: unknown, min: number, max: number) =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const optText = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim().length > 0 && v.length <= 100)

export function checkSegmentRules(
  rules: unknown,
  ladderIds: ReadonlySet<string>,
  bad: (path: string, what: string) => void,
): void {
  if (!Array.isArray(rules) || !rules.length) {
    bad('rules', 'at least one rule is required')
    return
  }
  const ruleIds = new Set<string>()
  const conditions = new Set<string>()
  for (const [i, x] of rules.entries()) {
    const p = `rules[${i}]`
    if (!isObj(x)) {
      bad(p, 'must be an object')
      continue
    }
    if (typeof x.id !== 'string' || !ID.test(x.id)) bad(`${p}.id`, 'lower-case letters, digits, dashes')
    else if (ruleIds.has(x.id)) bad(`${p}.id`, `duplicate rule id "${x.id}"`)
    else ruleIds.add(x.id)
    if (!RISK_SEGMENTS.includes(x.riskSegment as never)) {
      bad(`${p}.riskSegment`, `must be ${RISK_SEGMENTS.join(', ')}`)
      continue
    }
    if (!optText(x.legalEntity)) bad(`${p}.legalEntity`, 'a legal entity name up to 100 characters, or absent')
    if (!optText(x.counterpartySegment))
      bad(`${p}.counterpartySegment`, 'a segment name up to 100 characters, or absent')
    if (x.minDebt !== undefined && !isInt(x.minDebt, 0, MAX_MIN_DEBT))
      bad(`${p}.minDebt`, 'kopecks, a whole number from 0 to 100,000,000,000,000 (1 trillion roubles)')
    const key = JSON.stringify([x.riskSegment, x.legalEntity ?? '', x.counterpartySegment ?? '', x.minDebt || 0])
    if (conditions.has(key)) bad(p, `another rule for risk segment "${String(x.riskSegment)}" has the same conditions`)
    conditions.add(key)
    if (typeof x.ladder !== 'string' || !ladderIds.has(x.ladder))
      bad(`${p}.ladder`, `unknown ladder "${String(x.ladder)}"`)
    if (!Array.isArray(x.escalation)) {
      bad(`${p}.escalation`, 'a list of steps')
      continue
    }
    if (x.escalation.length > 20) bad(`${p}.escalation`, 'at most 20 steps')
    const stepIds = new Set<string>()
    let last: number | null = null
    for (const [j, e] of x.escalation.entries()) {
      const q = `${p}.escalation[${j}]`
      if (!isObj(e)) {
        bad(q, 'must be an object')
        continue
      }
      if (typeof e.id !== 'string' || !ID.test(e.id)) bad(`${q}.id`, 'lower-case letters, digits, dashes')
      else if (stepIds.has(e.id)) bad(`${q}.id`, `duplicate step id "${e.id}"`)
      else stepIds.add(e.id)
      if (!isInt(e.daysOverdue, 0, 3650)) bad(`${q}.daysOverdue`, 'days overdue must be a whole number from 0 to 3650')
      else {
        const days = e.daysOverdue as number
        if (last !== null && days <= last)
          bad(`${q}.daysOverdue`, `must be later than the previous step (${last} days)`)
        last = days
      }
      for (const f of ['moveToOverdue', 'notifyHead', 'openClaim'] as const)
        if (typeof e[f] !== 'boolean') bad(`${q}.${f}`, 'true or false')
      if (!Array.isArray(e.tasks)) {
        bad(`${q}.tasks`, 'a list of tasks')
        continue
      }
      if (e.tasks.length > 10) bad(`${q}.tasks`, 'at most 10 tasks')
      for (const [k, t] of e.tasks.entries()) {
        const r = `${q}.tasks[${k}]`
        if (!isObj(t)) {
          bad(r, 'must be {title, hours}')
          continue
        }
        if (typeof t.title !== 'string' || !t.title.trim()) bad(`${r}.title`, 'the task title is required')
        else if (t.title.length > 250) bad(`${r}.title`, 'at most 250 characters')
        if (!isInt(t.hours, 1, 2000)) bad(`${r}.hours`, 'working hours to the deadline, a whole number from 1 to 2000')
      }
    }
  }
  for (const s of RISK_SEGMENTS) {
    if (!rules.some((x) => isObj(x) && x.riskSegment === s && !x.legalEntity && !x.counterpartySegment && !x.minDebt))
      bad('rules', `a general rule (without narrowing) for risk segment "${s}" is required`)
  }
}
