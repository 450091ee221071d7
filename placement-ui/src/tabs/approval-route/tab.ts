import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'approval-route',
  title: { ru: 'Маршрут согласования', en: 'Approval route' },
  placements: [{ process: 'approvals' }],
  handlerPath: '/bitrix/placements/approval-route',
}
