import type { TabManifest } from '../manifest-types.ts'

export const tab: TabManifest = {
  id: 'install',
  title: { ru: 'Установка', en: 'Installation' },
  placements: [],
  handlerPath: '/bitrix/placements/install',
}
