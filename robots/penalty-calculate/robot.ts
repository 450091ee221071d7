// Penalty or art. 395 interest on a debt, exact to the kopeck, with its table as text; the portal's
// no-accrual windows apply unless the debtor (the document's company or contact) opted out.
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError, type RobotValues } from '../kit/types.ts'
import { portalLang } from '../kit/current-item.ts'
import {
  calculatePenalty,
  formatPenaltyTable,
  windowsFor,
  type PenaltyCap,
  type PenaltyTerms,
} from '../../server/domain/penalties/index.ts'
import { formatRubles, parseRubles } from '../../server/domain/money/index.ts'
import { kopecksOf, rublesValue } from '../kit/money.ts'
import { localDateOf } from '../../server/domain/calendar/index.ts'
import { portalKeyRates } from '../../server/use-cases/claims/penalty-settings.ts'
import { portalPenaltyDefaults } from '../../server/use-cases/admin/penalty-defaults.ts'
import { debtorOfDocument } from './debtor.ts'

const text = (v: RobotValues[string]) => (v === null || v === undefined ? null : String(v))

function termsOf(p: RobotValues): PenaltyTerms {
  const rate = text(p.rate)
  const cap: PenaltyCap | undefined = text(p.capPercent)
    ? { kind: 'percent', percent: text(p.capPercent)! }
    : text(p.capAmount)
      ? { kind: 'fixed', amount: parseRubles(text(p.capAmount)!) }
      : undefined
  switch (p.method) {
    case '395':
      if (rate) throw new RobotError('robot.bad-property', 'Art. 395 interest uses the key rate: leave "rate" empty')
      return { method: '395' }
    case 'per-day':
      if (!rate) throw new RobotError('robot.missing-property', 'A penalty per day needs "rate" (% a day, e.g. 0.1)')
      return { method: 'per-day', percentPerDay: rate, ...(cap ? { cap } : {}) }
    case 'key-rate-fraction':
      return {
        method: 'key-rate-fraction',
        fraction: Number(p.fraction ?? 300),
        rateMode: 'payment-date',
        ...(cap ? { cap } : {}),
      }
    case 'fine':
      if (rate) return { method: 'fine', percent: rate }
      if (text(p.fineAmount)) return { method: 'fine', amount: parseRubles(text(p.fineAmount)!) }
      throw new RobotError('robot.missing-property', 'A fine needs "rate" (% of the debt) or "fine amount"')
    default:
      throw new RobotError('robot.bad-property', `Unknown method "${String(p.method)}"`)
  }
}

export default defineRobot({
  code: 'penalty-calculate',
  name: { ru: 'Рассчитать неустойку', en: 'Calculate the penalty' },
  description: {
    ru: 'Проценты по ст. 395 ГК РФ, пени в % в день, доля ключевой ставки или штраф — с таблицей расчёта по периодам',
    en: 'Art. 395 interest, a % per day penalty, a fraction of the key rate or a fine, with the calculation table by period',
  },
  documents: ['receivables', 'claims', 'deal', 'company', 'contact'],
  properties: {
    debt: { name: { ru: 'Сумма долга, руб.', en: 'Debt, RUB' }, type: 'double', required: true },
    dueDate: { name: { ru: 'Срок оплаты', en: 'Due date' }, type: 'date', required: true },
    paymentDate: {
      name: { ru: 'Дата оплаты или расчёта (по умолчанию сегодня)', en: 'Payment or calculation date (default today)' },
      type: 'date',
    },
    method: {
      name: { ru: 'Способ', en: 'Method' },
      type: 'select',
      required: true,
      default: '395',
      options: {
        '395': { ru: 'Ст. 395 ГК РФ', en: 'Art. 395 interest' },
        'per-day': { ru: '% в день', en: '% per day' },
        'key-rate-fraction': { ru: 'Доля ключевой ставки', en: 'Fraction of the key rate' },
        fine: { ru: 'Штраф', en: 'Fixed fine' },
      },
    },
    rate: {
      name: { ru: 'Ставка, % (в день или от долга для штрафа)', en: 'Rate, % (a day, or of the debt for a fine)' },
      type: 'double',
    },
    fraction: {
      name: { ru: 'Доля ключевой ставки', en: 'Key-rate fraction' },
      type: 'select',
      default: '300',
      options: {
        300: { ru: '1/300', en: '1/300' },
        150: { ru: '1/150', en: '1/150' },
        130: { ru: '1/130', en: '1/130' },
      },
    },
    capPercent: { name: { ru: 'Ограничение, % от долга', en: 'Cap, % of the debt' }, type: 'double' },
    capAmount: { name: { ru: 'Ограничение, руб.', en: 'Cap, RUB' }, type: 'double' },
    fineAmount: { name: { ru: 'Штраф, руб.', en: 'Fine, RUB' }, type: 'double' },
  },
  returnProperties: {
    penalty: { name: { ru: 'Неустойка, руб.', en: 'Penalty, RUB' }, type: 'double' },
    days: { name: { ru: 'Дней просрочки', en: 'Days overdue' }, type: 'int' },
    table: { name: { ru: 'Таблица расчёта', en: 'Calculation table' }, type: 'text' },
  },
  async run(input) {
    const p = input.properties
    const portal = await input.ctx.repos.portals.get(input.memberId)
    const to = text(p.paymentDate) ?? localDateOf(portal?.timezone ?? 'Europe/Moscow', input.ctx.clock.now().getTime())
    const deps = { settings: input.ctx.repos.settings, log: input.ctx.log, db: input.ctx.database.db }
    // the portal's no-accrual windows (the 2022 moratorium by default), unless this debtor opted out
    const scope = windowsFor(await portalPenaltyDefaults(deps, input.memberId), await debtorOfDocument(input))
    const result = calculatePenalty({
      principal: kopecksOf(p.debt, 'debt'),
      dueDate: String(p.dueDate),
      to,
      terms: termsOf(p),
      keyRates: await portalKeyRates(deps, input.memberId),
      ...scope,
    })
    const lang = await portalLang(input)
    return {
      values: { penalty: rublesValue(result.total), days: result.days, table: formatPenaltyTable(result, lang) },
      log: `${result.method}: ${formatRubles(result.total)} RUB for ${result.days} days`,
    }
  },
})
