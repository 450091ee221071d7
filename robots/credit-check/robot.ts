// A credit check for business-process designers: a company's or contact's total and overdue debt,
// the oldest overdue days, and a yes/no against the limits, to stop a new deal or a shipment.
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError, type RobotRunInput, type RobotValues } from '../kit/types.ts'
import { installStateOf, portalLang } from '../kit/current-item.ts'
import { rublesValue } from '../kit/money.ts'
import { parseRubles } from '../../server/domain/money/index.ts'
import { describeCreditVerdict, type CreditLimits } from '../../server/domain/receivables/index.ts'
import { partyOfCrmItem, runCreditCheck, type CreditParty } from '../../server/use-cases/receivables/credit-check.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'

function idOf(v: RobotValues[string], key: string): number | null {
  if (v === null || v === undefined || v === 0) return null
  if (typeof v !== 'number' || v < 0) throw new RobotError('robot.bad-property', `"${key}" must be a CRM id`)
  return v
}

async function partyOf(input: RobotRunInput): Promise<CreditParty> {
  const company = idOf(input.properties.company, 'company')
  if (company) return { type: 'company', entityId: company }
  const contact = idOf(input.properties.contact, 'contact')
  if (contact) return { type: 'contact', entityId: contact }
  const d = input.document
  if (d.kind === 'company' || d.kind === 'contact') return { type: d.kind, entityId: d.id }
  if (d.entityTypeId !== null) return partyOfCrmItem(input.client, d.entityTypeId, d.id)
  throw new RobotError('robot.missing-property', 'Set "company" or "contact": this document has neither')
}

function limitsOf(p: RobotValues): CreditLimits {
  const money = (key: string) => {
    if (p[key] === null) return null
    const k = parseRubles(String(p[key]), { allowNegative: true })
    if (k < 0) throw new RobotError('robot.bad-property', `"${key}" must be 0 or more`)
    return k
  }
  const days = p.maxOverdueDays === null ? null : Number(p.maxOverdueDays)
  if (days !== null && days < 0) throw new RobotError('robot.bad-property', '"maxOverdueDays" must be 0 or more')
  const limits = { maxTotal: money('maxTotal'), maxOverdue: money('maxOverdue'), maxOverdueDays: days }
  // no limit at all: the check is "nothing overdue"
  return limits.maxTotal === null && limits.maxOverdue === null && days === null ? { ...limits, maxOverdue: 0 } : limits
}

export default defineRobot({
  code: 'credit-check',
  name: { ru: 'Проверить кредитный лимит', en: 'Check the credit limit' },
  description: {
    ru:
      'Общий и просроченный долг компании или контакта, самая давняя просрочка и ответ «да/нет» по лимитам; ' +
      'без лимитов — «нет», если есть просрочка',
    en:
      'Total and overdue debt of a company or contact, the oldest overdue days and a yes/no against the limits; ' +
      'with no limits set, "no" when anything is overdue',
  },
  documents: ['deal', 'company', 'contact', 'receivables', 'claims', 'approvals'],
  properties: {
    company: {
      name: { ru: 'Компания (ID; пусто — из документа)', en: 'Company (ID; empty = from the document)' },
      type: 'int',
    },
    contact: {
      name: { ru: 'Контакт (ID, если нет компании)', en: 'Contact (ID, when there is no company)' },
      type: 'int',
    },
    maxTotal: { name: { ru: 'Лимит общего долга, руб.', en: 'Total debt limit, RUB' }, type: 'double' },
    maxOverdue: { name: { ru: 'Лимит просроченного долга, руб.', en: 'Overdue debt limit, RUB' }, type: 'double' },
    maxOverdueDays: { name: { ru: 'Допустимая просрочка, дней', en: 'Allowed days overdue' }, type: 'int' },
  },
  returnProperties: {
    allowed: { name: { ru: 'В пределах лимита', en: 'Within the limit' }, type: 'bool' },
    totalDebt: { name: { ru: 'Общий долг, руб.', en: 'Total debt, RUB' }, type: 'double' },
    overdueDebt: { name: { ru: 'Просроченный долг, руб.', en: 'Overdue debt, RUB' }, type: 'double' },
    oldestOverdueDays: { name: { ru: 'Самая давняя просрочка, дней', en: 'Oldest overdue, days' }, type: 'int' },
    openInvoices: { name: { ru: 'Открытых счетов', en: 'Open invoices' }, type: 'int' },
    verdict: { name: { ru: 'Заключение', en: 'Verdict' }, type: 'string' },
  },
  async run(input) {
    await installStateOf(input)
    const limits = limitsOf(input.properties)
    const party = await partyOf(input)
    const { summary, verdict } = await runCreditCheck(
      receivablesPorts(input.ctx),
      input.client,
      input.memberId,
      party,
      limits,
    )
    const text = describeCreditVerdict(verdict, await portalLang(input))
    return {
      values: {
        allowed: verdict.allowed,
        totalDebt: rublesValue(summary.totalDebt),
        overdueDebt: rublesValue(summary.overdueDebt),
        oldestOverdueDays: summary.oldestOverdueDays,
        openInvoices: summary.openCount,
        verdict: text,
      },
      log: `${party.type} ${party.entityId}: ${describeCreditVerdict(verdict, 'en')}`,
    }
  },
})
