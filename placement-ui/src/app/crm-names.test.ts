import { describe, expect, it } from 'vitest'
import type { PortalFrame } from './portal-frame/portal-frame.ts'
import { loadCrmNames } from './crm-names.ts'

/** A frame whose batch answers crm.company.get / crm.contact.get from `rows` (a missing id: a failed call). */
function frameOf(rows: Record<string, Record<string, unknown>>, calls: unknown[][] = []) {
  return {
    batch: async (list: [string, { id: number }][]) => {
      calls.push(list)
      return list.map(([method, { id }]) => rows[`${method}:${id}`])
    },
  } as unknown as PortalFrame
}

describe('names of CRM companies and contacts', () => {
  it("asks the portal per type and names each by its title or the person's name", async () => {
    const calls: unknown[][] = []
    const frame = frameOf(
      {
        'crm.company.get:12': { ID: '12', TITLE: 'АО «Василёк»' },
        'crm.contact.get:5': { ID: '5', NAME: 'Иван', LAST_NAME: 'Васильев' },
      },
      calls,
    )
    const names = await loadCrmNames(frame, [
      { entityType: 'company', entityId: 12 },
      { entityType: 'company', entityId: 12 },
      { entityType: 'company', entityId: 99 },
      { entityType: 'contact', entityId: 5 },
    ])
    expect([...names]).toEqual([
      ['company:12', 'АО «Василёк»'],
      ['contact:5', 'Иван Васильев'],
    ])
    expect(calls).toEqual([
      [
        ['crm.company.get', { id: 12 }],
        ['crm.company.get', { id: 99 }],
      ],
      [['crm.contact.get', { id: 5 }]],
    ])
  })

  it('names nothing without a frame or when the portal fails', async () => {
    expect((await loadCrmNames(undefined, [{ entityType: 'company', entityId: 1 }])).size).toBe(0)
    const broken = { batch: async () => Promise.reject(new Error('down')) } as unknown as PortalFrame
    expect((await loadCrmNames(broken, [{ entityType: 'contact', entityId: 1 }])).size).toBe(0)
  })
})
