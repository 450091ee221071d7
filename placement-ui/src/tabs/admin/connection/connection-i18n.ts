// Words of the connection card (connection section of the admin page); the server sends codes.
import { translator, type Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    'hint_reinstall-from-market':
      'Портал отказал приложению в доступе. Нажмите «Переподключить»: приложение получит новые ключи от портала через эту страницу. Если не получится, переустановите приложение из Маркета портала (Приложения → Контроль дебиторки → Переустановить); данные приложения сохранятся. Локальное приложение переустановите с тем же B24_CLIENT_ID.',
    reconnect: 'Переподключить',
    reconnected: 'Приложение снова подключено к порталу',
    reconnectFailed: 'Переподключить не удалось: {error}',
    noFrameToken: 'портал не передал странице ключ доступа',
    hint_repair:
      'В портале не хватает того, что нужно приложению, или оно настроено другой версией. «Восстановить» заново привяжет обработчики событий и создаст недостающие поля, роботов и встройки.',
    outdated: 'Портал настроен версией {old}, приложение — версии {now}.',
    checkFailed: 'Проверить портал не удалось: {error}',
    checkedAt: 'Проверено {time}',
    notChecked: 'Не проверялось',
    checkNow: 'Проверить сейчас',
    repair: 'Восстановить подключение',
    repairing: 'Восстанавливаем: привязываем события, создаём недостающие поля, роботов и встройки…',
    repaired: 'Подключение восстановлено, изменений в портале: {n}',
    repairedNothing: 'Подключение в порядке, менять ничего не понадобилось',
    repairFailed: 'Восстановить не удалось: {error}',
  },
  en: {
    'hint_reinstall-from-market':
      "The portal refused the app's access. Press \"Reconnect\": the app gets new keys from the portal through this page. If that fails, reinstall the app from the portal's Market (Applications → Receivables Control → Reinstall); the app's data is kept. A local app: reinstall it with the same B24_CLIENT_ID.",
    reconnect: 'Reconnect',
    reconnected: 'The app is connected to the portal again',
    reconnectFailed: 'Reconnecting failed: {error}',
    noFrameToken: 'the portal gave this page no access key',
    hint_repair:
      'The portal lacks something the app needs, or another version set it up. "Repair" re-binds the event handlers and re-creates the missing fields, robots and placements.',
    outdated: 'The portal was set up by version {old}; the app is version {now}.',
    checkFailed: 'The portal could not be checked: {error}',
    checkedAt: 'Checked at {time}',
    notChecked: 'Not checked',
    checkNow: 'Check now',
    repair: 'Repair the connection',
    repairing: 'Repairing: binding the events, creating the missing fields, robots and placements…',
    repaired: 'Connection repaired, changes made in the portal: {n}',
    repairedNothing: 'The connection is fine; nothing needed changing',
    repairFailed: 'The repair failed: {error}',
  },
}
export const connectionT = (lang: Lang) => translator(dict, lang)
export const connectionDict = dict
