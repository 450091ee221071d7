import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'admin',
  title: { ru: 'Контроль дебиторки', en: 'Receivables Control' },
  placements: [{ code: 'LEFT_MENU' }],
  handlerPath: '/bitrix/placements/admin',
}
