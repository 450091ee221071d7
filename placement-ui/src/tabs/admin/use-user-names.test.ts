import { describe, expect, it } from 'vitest'
import { useUserNames } from './use-user-names.ts'

describe('people by name in the admin forms', () => {
  it('shows "…" while the portal is asked, then the name, or "not found": never the bare id', async () => {
    let answer: (m: Map<number, string>) => void = () => {}
    const asked: number[][] = []
    const users = useUserNames((ids) => {
      asked.push(ids)
      return new Promise((r) => (answer = r))
    })
    const done = users.resolve([5, 9, null, 5])
    expect(users.nameOf(5, 'не найден')).toBe('…')
    answer(new Map([[5, 'Ольга Главбух']]))
    await done
    expect(users.nameOf(5, 'не найден')).toBe('Ольга Главбух')
    expect(users.nameOf(9, 'не найден')).toBe('не найден')
    await users.resolve([5, 9])
    expect(asked).toEqual([[5, 9]]) // each person asked once
    users.remember({ id: 42, name: 'Иван Петров' })
    expect(users.nameOf(42, 'не найден')).toBe('Иван Петров')
  })

  it('says "not found" when the portal cannot be asked or fails', async () => {
    const none = useUserNames()
    await none.resolve([7])
    expect(none.nameOf(7, 'не найден')).toBe('не найден')
    const failing = useUserNames(() => Promise.reject(new Error('offline')))
    await expect(failing.resolve([8])).rejects.toThrow('offline')
    expect(failing.nameOf(8, 'не найден')).toBe('не найден')
  })
})
