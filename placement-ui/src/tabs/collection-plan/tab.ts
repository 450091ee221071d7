import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'collection-plan',
  title: { ru: 'План взыскания', en: 'Collection plan' },
  placements: [{ code: 'CRM_COMPANY_DETAIL_TAB' }, { code: 'CRM_CONTACT_DETAIL_TAB' }],
  handlerPath: '/bitrix/placements/collection-plan',
}
