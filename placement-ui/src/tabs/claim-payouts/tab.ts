import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'claim-payouts',
  title: { ru: 'Выплаты и претензия', en: 'Claim and payouts' },
  placements: [{ process: 'claims' }],
  handlerPath: '/bitrix/placements/claim-payouts',
}
