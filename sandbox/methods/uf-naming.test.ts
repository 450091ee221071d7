import { describe, expect, it } from 'vitest'
import { ufCamel } from './uf-naming.ts'

describe('ufCamel (reference 5.6)', () => {
  it.each([
    ['UF_CRM_3_DIGIT', 'ufCrm3Digit'],
    ['UF_CRM_7_NEW_REST_LIST', 'ufCrm7NewRestList'],
    ['UF_CRM_3_1747309727', 'ufCrm3_1747309727'],
    ['UF_CRM_44_1721812760630', 'ufCrm44_1721812760630'],
    ['UF_CRM_3_DIGIT10', 'ufCrm_3_DIGIT10'],
    ['UF_CRM_3_DIGIT_10', 'ufCrm_3_DIGIT_10'],
    ['UF_CRM_1747309879', 'ufCrm_1747309879'],
  ])('%s -> %s', (upper, camel) => {
    expect(ufCamel(upper)).toBe(camel)
  })
})
