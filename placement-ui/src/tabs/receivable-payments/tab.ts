import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'receivable-payments',
  title: { ru: 'Оплаты', en: 'Payments' },
  placements: [{ process: 'receivables' }],
  handlerPath: '/bitrix/placements/receivable-payments',
}
