import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'counterparty-receivables',
  title: { ru: 'Дебиторка', en: 'Receivables' },
  placements: [{ code: 'CRM_COMPANY_DETAIL_TAB' }, { code: 'CRM_CONTACT_DETAIL_TAB' }],
  handlerPath: '/bitrix/placements/counterparty-receivables',
}
