import { describe, expect, it } from 'vitest'
import { defaultDunningRules } from './default-rules.ts'
import type { DunningError } from './dunning-error.ts'
import { validateDunningRules } from './validate-rules.ts'

const problems = (mutate: (r: ReturnType<typeof defaultDunningRules>) => void): string[] => {
  const r = defaultDunningRules()
  mutate(r)
  try {
    validateDunningRules(r)
    return []
  } catch (e) {
    return ((e as DunningError).details as { errors: string[] }).errors
  }
}

describe('segment rules validation', () => {
  it('accepts the defaults and a narrowed rule', () => {
    expect(problems(() => {})).toEqual([])
    expect(
      problems((r) =>
        r.rules.push({
          id: 'big-normal',
          riskSegment: 'normal',
          minDebt: 1_000_000_00,
          counterpartySegment: 'VIP',
          ladder: 'soft',
          escalation: [],
        }),
      ),
    ).toEqual([])
  })

  it('names an unknown ladder', () => {
    expect(
      problems((r) => {
        r.rules[0].ladder = 'gone'
      }),
    ).toEqual(['rules[0].ladder: unknown ladder "gone"'])
  })

  it('refuses negative days and steps out of order, each with its reason', () => {
    expect(
      problems((r) => {
        r.rules[1].escalation[0].daysOverdue = -2
      }),
    ).toEqual(['rules[1].escalation[0].daysOverdue: days overdue must be a whole number from 0 to 3650'])
    expect(
      problems((r) => {
        r.rules[1].escalation[1].daysOverdue = 3
      }),
    ).toEqual(['rules[1].escalation[1].daysOverdue: must be later than the previous step (3 days)'])
  })

  it('refuses duplicate step ids and rule ids', () => {
    expect(
      problems((r) => {
        r.rules[2].escalation[1].id = 'esc-1'
      }),
    ).toEqual(['rules[2].escalation[1].id: duplicate step id "esc-1"'])
    expect(problems((r) => r.rules.push({ ...structuredClone(r.rules[0]), minDebt: 5 }))).toEqual([
      'rules[3].id: duplicate rule id "low"',
    ])
  })

  it('refuses an empty task title and hours out of range', () => {
    expect(
      problems((r) => {
        r.rules[0].escalation[0].tasks[1] = { title: '  ', hours: 0 }
      }),
    ).toEqual([
      'rules[0].escalation[0].tasks[1].title: the task title is required',
      'rules[0].escalation[0].tasks[1].hours: working hours to the deadline, a whole number from 1 to 2000',
    ])
  })

  it('refuses an absurd or fractional minimum debt and an empty narrowing', () => {
    const add = (x: object) => (r: ReturnType<typeof defaultDunningRules>) => {
      r.rules.push({ id: 'x', riskSegment: 'high', ladder: 'standard', escalation: [], ...x })
    }
    expect(problems(add({ minDebt: 1e18 }))[0]).toMatch(
      /^rules\[3\]\.minDebt: kopecks, a whole number from 0 to .*1 trillion roubles/,
    )
    expect(problems(add({ minDebt: 10.5 }))).toHaveLength(1)
    expect(problems(add({ legalEntity: '' }))).toContain(
      'rules[3].legalEntity: a legal entity name up to 100 characters, or absent',
    )
  })

  it('refuses two rules with the same conditions and flags that are not booleans', () => {
    expect(problems((r) => r.rules.push({ ...structuredClone(r.rules[0]), id: 'low-2' }))).toEqual([
      'rules[3]: another rule for risk segment "low" has the same conditions',
    ])
    expect(
      problems((r) => {
        ;(r.rules[0].escalation[0] as { notifyHead: unknown }).notifyHead = 'yes'
      }),
    ).toEqual(['rules[0].escalation[0].notifyHead: true or false'])
  })

  it('still requires a general rule per risk segment', () => {
    expect(
      problems((r) => {
        r.rules[0].minDebt = 100
      }),
    ).toEqual(['rules: a general rule (without narrowing) for risk segment "low" is required'])
  })
})
