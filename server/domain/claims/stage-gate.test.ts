import { describe, expect, it } from 'vitest'
import { StageGateError, checkStageRequirements, missingForMove, requiredDocuments } from './stage-gate.ts'

const req = checkStageRequirements({ CLAIM_SENT: ['claim-letter'], COURT_PREP: ['statement-of-claim'] })

describe('stage documents', () => {
  it('a forward move past a stage needs that stage document', () => {
    expect(missingForMove(req, 'CLAIM_SENT', 'PRETRIAL', new Set())).toEqual([
      { stage: 'CLAIM_SENT', document: 'claim-letter' },
    ])
    expect(missingForMove(req, 'CLAIM_SENT', 'PRETRIAL', new Set(['claim-letter']))).toEqual([])
  })

  it('skipping stages checks every stage left behind, not the one entered', () => {
    expect(missingForMove(req, 'FIRST_NOTICE', 'IN_COURT', new Set())).toEqual([
      { stage: 'CLAIM_SENT', document: 'claim-letter' },
      { stage: 'COURT_PREP', document: 'statement-of-claim' },
    ])
    expect(missingForMove(req, 'FIRST_NOTICE', 'COURT_PREP', new Set(['claim-letter']))).toEqual([])
  })

  it('never blocks a move back, closing unrecovered, an unknown stage or a first sight', () => {
    expect(missingForMove(req, 'PRETRIAL', 'CLAIM_SENT', new Set())).toEqual([])
    expect(missingForMove(req, 'CLAIM_SENT', 'FAIL', new Set())).toEqual([])
    expect(missingForMove(req, null, 'IN_COURT', new Set())).toEqual([])
    expect(missingForMove(req, 'CLAIM_SENT', 'CLAIM_SENT', new Set())).toEqual([])
  })

  it('validates what the admin stores', () => {
    expect(checkStageRequirements({ PRETRIAL: ['settlement-schedule', 'settlement-schedule'], NEW: [] })).toEqual({
      PRETRIAL: ['settlement-schedule'],
    })
    expect(() => checkStageRequirements({ SUCCESS: ['claim-letter'] })).toThrow(StageGateError)
    expect(() => checkStageRequirements({ CLAIM_SENT: ['fax'] })).toThrow(/unknown document "fax"/)
    expect(() => checkStageRequirements({ CLAIM_SENT: 'claim-letter' })).toThrow(/list/)
    expect(() => checkStageRequirements([])).toThrow(/object/)
    expect(requiredDocuments(req).sort()).toEqual(['claim-letter', 'statement-of-claim'])
  })
})
