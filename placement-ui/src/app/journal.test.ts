import { describe, expect, it } from 'vitest'
import { actionText, actorText, detailsText, formatDateTime, journalUserIds, sourceText } from './journal.ts'
import { journalWords } from './journal-words.ts'
import { paymentReference } from '../tabs/receivable-payments/journal-view.ts'

const names = new Map([
  [1, 'Иван Петров'],
  [4, 'Мария Смирнова'],
])

describe('journal in words', () => {
  it('has the same keys in ru and en', () => {
    expect(Object.keys(journalWords.ru).sort()).toEqual(Object.keys(journalWords.en).sort())
  })
  it('names people, the app and how, never user:1 or a source code', () => {
    expect(actorText('user:1', 'ru', names)).toBe('Иван Петров')
    expect(actorText('user:9', 'ru', names)).toBe('сотрудник портала')
    expect(actorText('system', 'ru', names)).toBe('приложение')
    expect(sourceText('automation', 'ru')).toBe('автоматически')
    expect(sourceText('ui', 'ru')).toBe('в приложении')
    expect(actionText('approval.started', 'ru')).toBe('Согласование начато')
    expect(actionText('some.new-thing', 'ru')).toBe('Событие журнала')
  })
  it('says to whom a hand-over went and what an approval entry did', () => {
    expect(detailsText({ to: 4, taskId: 77 }, 'ru', names)).toBe('кому: Мария Смирнова')
    expect(
      detailsText(
        {
          round: 1,
          events: [
            { type: 'step-approved', step: 0, by: 1, substitute: true },
            { type: 'step-started', step: 1 },
          ],
        },
        'ru',
        names,
      ),
    ).toBe('круг 1 · шаг 1 одобрил Иван Петров (заместитель) · шаг 2 начат')
    expect(journalUserIds([{ actor: 'user:1', details: { to: 4, events: [{ by: 5 }] } }]).sort()).toEqual([1, 4, 5])
  })
  it('dates as dd.mm.yyyy hh:mm in Russian', () => {
    expect(formatDateTime('2026-12-09T06:05:00Z', 'ru')).toMatch(/^09\.12\.2026 \d\d:05$/)
  })
  it('payment references without technical request ids', () => {
    expect(paymentReference({ comment: null, sourceRef: 'ui-530692ea-1111', source: 'manual' })).toBe('—')
    expect(paymentReference({ comment: null, sourceRef: 'bank-statement:31:5', source: 'bank-statement' })).toBe('—')
    expect(paymentReference({ comment: null, sourceRef: 'api:1C-000123', source: 'api' })).toBe('1C-000123')
    expect(paymentReference({ comment: 'п/п 12', sourceRef: 'ui-1', source: 'manual' })).toBe('п/п 12')
  })
})
