// Our fields on the company card (userfieldconfig.* with entityId CRM_COMPANY; reference §14: the UF
// entity id of companies is CRM_COMPANY, names UF_CRM_<suffix>). Portal users filter companies and
// build automation on them; the app writes them, people only read them.
import type { FieldSpec } from './manifest-types.ts'

export const COMPANY_UF_ENTITY = 'CRM_COMPANY'

/** UF_CRM_RC_<suffix>: our RC_ prefix marks the fields we own. */
export const companyFieldName = (suffix: string) => `UF_CRM_RC_${suffix}`

export const companyFields: FieldSpec[] = [
  {
    key: 'contractStatus',
    suffix: 'CONTRACT_STATUS',
    type: 'enumeration',
    label: { ru: 'Статус договоров', en: 'Contract status' },
    options: [
      { xmlId: 'active', label: { ru: 'Действует', en: 'Active' } },
      { xmlId: 'overdue', label: { ru: 'Есть просрочка', en: 'Has overdue invoices' } },
      { xmlId: 'claim', label: { ru: 'Претензионная работа', en: 'In claim work' } },
      { xmlId: 'settled', label: { ru: 'Исполнен', en: 'Settled' } },
      { xmlId: 'closed', label: { ru: 'Закрыт', en: 'Closed' } },
    ],
  },
]
