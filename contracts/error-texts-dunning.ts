// The texts of the collection (dunning) errors: the plan, its steps, promises and pauses, "Send now" and its
// channels, the review of reminders; read through serverErrorText (error-messages.ts).
export const DUNNING_ERROR_TEXTS: Record<string, { ru: string; en: string }> = {
  'dunning.not-found': { ru: 'Счёт не найден', en: 'The invoice was not found' },
  'dunning.conflict': { ru: 'Шаг уже выполнен или счёт оплачен', en: 'The step has happened or the invoice is paid' },
  'dunning.invalid-input': { ru: 'Неверные данные формы', en: 'Invalid form data' },
  'dunning.invalid-input#past': {
    ru: 'Поле «{field}»: дата не может быть в прошлом',
    en: '"{field}" cannot be in the past',
  },
  'dunning.not-found#counterparty': {
    ru: 'У контрагента ещё нет счетов в дебиторке: настройки взыскания появятся с первым счётом',
    en: 'This counterparty has no invoice in the ledger yet: collection settings start with the first invoice',
  },
  'dunning.telegram-unavailable': {
    ru: 'Telegram-бот приложения недоступен, ссылка не создана ({reason})',
    en: "The app's Telegram bot is not available; no link was made ({reason})",
  },
  'dunning.invalid-input#risk-segment': {
    ru: 'Сегмент риска — низкий, обычный или высокий',
    en: 'The risk segment is low, normal or high',
  },
  'dunning.invalid-input#do-not-dun': { ru: '«Не напоминать» — да или нет', en: '"Do not dun" is yes or no' },
  'dunning.invalid-input#segment': { ru: 'Сегмент клиента — до 100 символов', en: 'The segment: up to 100 characters' },
  'dunning.invalid-input#timezone': {
    ru: 'Часовой пояс — например, московское время (Europe/Moscow)',
    en: 'A time zone such as Europe/Moscow',
  },
  'dunning.invalid-input#lang': {
    ru: 'Язык писем — русский или английский',
    en: 'The letters are in Russian or English',
  },
  'dunning.invalid-input#ladder': {
    ru: 'Цепочки напоминаний «{ladder}» нет в настройках',
    en: 'The reminder ladder "{ladder}" is not in the settings',
  },
  'dunning.invalid-input#telegram-chat': {
    ru: 'Чат Telegram подключается только по ссылке для клиента',
    en: "A Telegram chat joins only by the client's link",
  },
  'dunning.invalid-input#channel': {
    ru: 'Канал «{channel}» неизвестен: эл. почта, Telegram, уведомление, открытая линия или звонок',
    en: 'Unknown channel "{channel}": e-mail, Telegram, notification, open line or call',
  },
  'dunning.invalid-input#override': { ru: 'Неверные особые правила', en: 'Invalid special rules' },
  'dunning.invalid-input#nothing': {
    ru: 'Нечего сохранять: ничего не изменено',
    en: 'Nothing to save: nothing changed',
  },
  'dunning.review-not-found': { ru: 'Строка проверки не найдена', en: 'The review line was not found' },
  'dunning.review-decided': {
    ru: 'Это напоминание уже отправлено, пропущено или устарело',
    en: 'This reminder has already been sent, skipped or expired',
  },
  'dunning.review-dropped': {
    ru: 'Счета этого напоминания оплачены или на паузе — оно убрано из списка',
    en: 'The invoices of this reminder are paid or paused; it has left the list',
  },
  'dunning.review-invalid-hour': {
    ru: 'Час отправки — целое число от 0 до 23 (время портала) или «никогда»',
    en: 'The release hour is a whole number from 0 to 23 (portal time) or "never"',
  },
  'dunning.review-invalid-segments': {
    ru: 'Выберите сегменты риска из списка: низкий, обычный, высокий',
    en: 'Choose risk segments from the list: low, normal, high',
  },
  'dunning.review-unknown-step': {
    ru: 'Такого шага нет в цепочке этого напоминания',
    en: "This step is not in the reminder's ladder",
  },
  'dunning.invalid-rules': { ru: 'Проверьте правила напоминаний', en: 'Check the reminder rules' },
  'dunning.invalid-window': { ru: 'Окно отправки — ЧЧ:ММ–ЧЧ:ММ', en: 'A send window is HH:MM-HH:MM' },
  'dunning.unknown-template': { ru: 'Шаблон не найден', en: 'The template does not exist' },
  'dunning.unknown-ladder': { ru: 'Цепочка напоминаний не найдена', en: 'The reminder ladder does not exist' },
  'dunning.unknown-variable': {
    ru: 'Переменные пишутся в двойных фигурных скобках, например {{counterparty}}; не подходит: {unknown}',
    en: 'Variables are written in double braces such as {{counterparty}}; not valid: {unknown}',
  },
  'dunning.send.no-email': { ru: 'у контрагента не указана электронная почта', en: 'the counterparty has no e-mail' },
  'dunning.send.no-telegram-chat': {
    ru: 'у контрагента не указан чат Telegram',
    en: 'the counterparty has no Telegram chat',
  },
  'dunning.send.no-open-line': {
    ru: 'у клиента нет подключённой открытой линии',
    en: 'no open line is connected for the client',
  },
  'dunning.send.no-scope': {
    ru: 'у приложения нет нужного права в портале ({scope})',
    en: 'the app was not granted the {scope} scope in the portal',
  },
  'dunning.send.portal-refused': {
    ru: 'портал не отправил письмо (код {code})',
    en: 'the portal did not send the e-mail (code {code})',
  },
  'dunning.send.portal-refused#other': {
    ru: 'портал отказал (код {code})',
    en: 'the portal refused (code {code})',
  },
  'dunning.send.telegram-blocked': {
    ru: 'контрагент заблокировал бота в Telegram',
    en: 'the counterparty has blocked the bot in Telegram',
  },
  'dunning.send.telegram-chat-not-found': {
    ru: 'чат Telegram не найден: проверьте номер чата контрагента',
    en: "the Telegram chat was not found: check the counterparty's chat id",
  },
  'dunning.send.telegram-unreachable': {
    ru: 'Telegram сейчас недоступен; повторите позже',
    en: 'Telegram is unreachable right now; try again later',
  },
  'dunning.send.telegram-refused': {
    ru: 'Telegram не принял сообщение',
    en: 'Telegram did not accept the message',
  },
}
