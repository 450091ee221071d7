import { describe, expect, it } from 'vitest'
import type { Api } from '../../app/api.ts'
import type { InteractionDto } from '../../../../contracts/interactions.ts'
import { useInteractions } from './use-interactions.ts'

const task = (id: number) => ({ kind: 'task', id, title: 'Дебиторка' }) as InteractionDto

describe('interaction history after a hand-over', () => {
  it('reloads until the new task shows, then stops', async () => {
    const answers = [[task(1)], [task(1)], [task(2), task(1)], [task(2), task(1)]]
    let calls = 0
    const api = (async () => ({ items: answers[calls++] })) as Api
    const h = useInteractions(api, { type: 'company', id: 12 })
    await h.loadUntilTask(2, 4, 1)
    expect(calls).toBe(3)
    expect(h.items.value?.map((i) => i.id)).toEqual([2, 1])
  })

  it('gives up after its tries and keeps the last list', async () => {
    let calls = 0
    const api = (async () => ((calls += 1), { items: [task(1)] })) as Api
    const h = useInteractions(api, { type: 'company', id: 12 })
    await h.loadUntilTask(9, 3, 1)
    expect(calls).toBe(3)
    expect(h.items.value?.map((i) => i.id)).toEqual([1])
  })
})
