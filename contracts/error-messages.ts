// Server errors as a person reads them, in the portal's language. The server answers
// { error: code, message (English, for logs and API clients), params }; the page shows
// serverErrorText(code, params, lang). A text is found by "code#rule" (params.rule), then by code;
// {field} is the field's name (error-fields.ts); {date} (YYYY-MM-DD) reads DD.MM.YYYY in Russian; other
// {name}s are params as sent.
import { fieldName } from './error-fields.ts'
import { DUNNING_ERROR_TEXTS } from './error-texts-dunning.ts'

export type ErrorLang = 'ru' | 'en'
export type ErrorParams = Record<string, string | number | boolean | null>
type Texts = Record<string, { ru: string; en: string }>

const TEXTS: Texts = {
  ...DUNNING_ERROR_TEXTS,
  internal: { ru: 'Внутренняя ошибка приложения; она записана в журнал', en: 'Internal error; it has been logged' },
  network: { ru: 'Нет связи с приложением', en: 'No connection to the app' },
  'http.error': { ru: 'Сервер приложения не ответил как ожидалось', en: 'The app server gave an unexpected answer' },
  'storage.unavailable': { ru: 'База данных недоступна; повторите', en: 'The database is unavailable; try again' },
  'request.too-large': { ru: 'Слишком большой запрос', en: 'The request is too large' },
  'request.unsupported-media-type': { ru: 'Неподдерживаемый тип файла', en: 'Unsupported file type' },
  'request.empty-json': { ru: 'Пустой запрос', en: 'The request is empty' },
  'request.malformed-json': { ru: 'Запрос повреждён', en: 'The request is malformed' },
  'request.invalid': { ru: 'Неверный запрос', en: 'Invalid request' },
  'request.rejected': { ru: 'Запрос отклонён', en: 'The request was rejected' },
  'request.invalid-id': { ru: 'Неверный идентификатор', en: 'Invalid id' },
  'request.invalid-body': { ru: 'Неверные данные формы', en: 'Invalid form data' },
  'request.invalid-body#required': { ru: 'Заполните поле «{field}»', en: 'Fill in "{field}"' },
  'request.invalid-body#too-long': {
    ru: 'Поле «{field}»: не больше {max} символов',
    en: '"{field}": at most {max} characters',
  },
  'request.invalid-query': { ru: 'Неверные параметры запроса', en: 'Invalid query' },
  'request.invalid-query#too-long': {
    ru: 'Поле «{field}»: не больше {max} символов',
    en: '"{field}": at most {max} characters',
  },
  'request.invalid-counterparty': { ru: 'Контрагент — компания или контакт', en: 'A company or a contact is needed' },
  'auth.admin-only': {
    ru: 'Это могут делать только администраторы портала',
    en: 'Only portal administrators can do this',
  },
  'auth.invalid-token': {
    ru: 'Портал не подтвердил вход; обновите страницу',
    en: 'The portal did not accept this token; reload the page',
  },
  'auth.malformed': { ru: 'Неверные данные входа портала', en: 'Malformed portal credentials' },
  'auth.unknown-portal': { ru: 'Портал не подключён к приложению', en: 'This portal is not connected to the app' },
  'auth.unavailable': { ru: 'Проверка входа не настроена', en: 'User token verification is not configured' },
  'auth.api-key-invalid': { ru: 'Ключ API неизвестен или отозван', en: 'This API key is unknown or revoked' },
  'access.check-failed': {
    ru: 'Не удалось проверить ваши права в CRM; повторите',
    en: 'Could not check your CRM permissions with the portal; try again',
  },
  'access.crm-denied': {
    ru: 'Ваши права в CRM не позволяют видеть эту компанию или контакт',
    en: 'Your CRM permissions do not let you see this company or contact',
  },
  'receivable.invalid-amount': { ru: 'Поле «{field}»: нужна сумма больше нуля', en: '"{field}": a positive amount' },
  'receivable.invalid-date': { ru: 'Поле «{field}»: нужна дата', en: '"{field}": a date is needed' },
  'receivable.invalid-date#future': {
    ru: 'Поле «{field}»: дата не может быть в будущем',
    en: '"{field}" cannot be in the future',
  },
  'receivable.due-before-invoice': {
    ru: 'Срок оплаты не может быть раньше даты счёта',
    en: 'The due date cannot be before the invoice date',
  },
  'receivable.invalid-currency': { ru: 'Валюта — трёхбуквенный код, например RUB', en: 'A currency code such as RUB' },
  'receivable.invalid-text': { ru: 'Заполните поле «{field}»', en: 'Fill in "{field}"' },
  'receivable.invalid-text#too-long': {
    ru: 'Поле «{field}»: от 1 до {max} символов',
    en: '"{field}": 1 to {max} characters',
  },
  'receivable.invalid-input': { ru: 'Неверные данные формы', en: 'Invalid form data' },
  'receivable.not-reversible': { ru: 'Эту оплату нельзя сторнировать', en: 'This payment cannot be reversed' },
  'receivable.not-found': { ru: 'Счёт не найден', en: 'The invoice was not found' },
  'receivable.duplicate-number-in-year': {
    ru: 'Номер занят: у этого нашего юрлица в {year} году уже есть счёт № {number} от {date} (контрагент «{counterparty}»). Укажите другой номер',
    en: 'The number is taken: this legal entity of ours already has invoice {number} of {date} in {year} (counterparty "{counterparty}"). Choose another number',
  },
  'payment.not-found': { ru: 'Оплата не найдена', en: 'The payment was not found' },
  'payment.invalid': { ru: 'Поле «{field}»: неверное значение', en: '"{field}": invalid value' },
  'contract.already-closed': { ru: 'Договор уже закрыт', en: 'The contract is already closed' },
  'contract.not-closed': { ru: 'Договор не закрыт', en: 'The contract is not closed' },
  'contract.changed': { ru: 'Договор изменился; обновите страницу', en: 'The contract changed; reload and retry' },
  'hand-over.in-progress': {
    ru: 'Передача уже создаётся; обновите страницу через минуту',
    en: 'This hand-over is being created; reload in a moment',
  },
  'interaction.not-found': { ru: 'Запись не найдена в портале', en: 'Not found in the portal' },
  'interaction.no-responsible': { ru: 'У записи нет ответственного', en: 'It has no responsible person' },
  'payout.amount-absurd': {
    ru: 'Сумма транша неправдоподобно велика',
    en: 'A tranche amount is implausibly large',
  },
  'payout.amount-invalid': { ru: 'Сумма транша — положительная сумма', en: 'A tranche amount must be positive' },
  'payout.deadline-invalid': { ru: 'Срок транша — дата', en: 'A tranche deadline must be a date' },
  'payout.already-paid': {
    ru: 'Можно менять только запланированный транш',
    en: 'Only a planned tranche can be changed',
  },
  'claim.not-found': { ru: 'Претензионное дело не найдено', en: 'The claim was not found' },
  'letter.not-found': { ru: 'Письмо не найдено', en: 'The letter is gone' },
  'link.invalid': {
    ru: 'Ссылка недействительна или устарела; откройте дело заново',
    en: 'This link is invalid or has expired; open the claim again',
  },
  'approval.not-found': { ru: 'Согласование не найдено', en: 'No such approval' },
  'approval.not-in-progress': { ru: 'Заявка не на согласовании', en: 'The request is not in approval' },
  'approval.not-your-step': { ru: 'Этот шаг решаете не вы', en: 'This step is not yours to decide' },
  'approval.stale-step': { ru: 'Этот шаг уже решён', en: 'This step has already been decided' },
  'approval.reason-required': { ru: 'Укажите причину отказа', en: 'A rejection needs a reason' },
  'approval.incomplete-request': { ru: 'В заявке не заполнены поля', en: 'The request has empty fields' },
  'approval.invalid-settings': { ru: 'Проверьте настройки согласования', en: 'Check the approval settings' },
  'contract.close-invalid': {
    ru: 'Укажите дату закрытия (не позже сегодняшней и не раньше даты договора) и причину до 500 символов',
    en: 'Give the closing date (not after today, not before the contract date) and a reason of up to 500 characters',
  },
  'penalty.invalid-rate': { ru: 'Ставка — число, например 16,5', en: 'A rate is a number such as 16.5' },
  'penalty.rate-out-of-range': { ru: 'Ставка вне допустимых пределов', en: 'The rate is out of range' },
  'penalty.rate-duplicate': { ru: 'Ставка с этой даты уже есть', en: 'There is already a rate from this date' },
  'penalty.rate-order': { ru: 'Ставки должны идти по датам', en: 'Rates must be in date order' },
  'penalty.invalid-date': { ru: 'Нужна дата', en: 'A date is needed' },
  'penalty.invalid-defaults': { ru: 'Проверьте условия неустойки', en: 'Check the penalty terms' },
  'penalty.invalid-method': { ru: 'Проверьте способ расчёта неустойки', en: 'Check the penalty method' },
  'penalty.invalid-cap': { ru: 'Проверьте ограничение неустойки', en: 'Check the penalty cap' },
  'penalty.invalid-window': {
    ru: 'Период заканчивается раньше, чем начинается',
    en: 'The window ends before it starts',
  },
  'penalty.invalid-opt-out': { ru: 'Проверьте отказы от начисления', en: 'Check the opt-outs' },
  'calendar.invalid-date': { ru: 'Нужна дата ДД.ММ.ГГГГ', en: 'A date is needed' },
  'calendar.invalid-time': {
    ru: 'Время — ЧЧ:ММ в пределах рабочего дня',
    en: 'A time is HH:MM within the working day',
  },
  'calendar.invalid-timezone': { ru: 'Неизвестный часовой пояс', en: 'Unknown time zone' },
  'calendar.year-missing': {
    ru: 'В производственном календаре нет этого года',
    en: 'The production calendar has no data for this year',
  },
  'calendar.not-working-day': { ru: 'Это не рабочий день', en: 'This is not a working day' },
  'calendar.invalid-amount': { ru: 'Слишком большой период', en: 'The period is too long' },
  'settings.invalid': { ru: 'Проверьте поле «{field}»', en: 'Check "{field}"' },
  'source.stages-required': {
    ru: 'Выберите хотя бы в одной воронке стадию, на которой создаётся счёт',
    en: 'Choose the stage that creates the invoice in at least one pipeline',
  },
  'source.unknown-stage': {
    ru: 'В воронке «{pipeline}» нет стадии «{stage}»',
    en: 'Pipeline "{pipeline}" has no stage "{stage}"',
  },
  'settings.invalid#required': { ru: 'Заполните поле «{field}»', en: 'Fill in "{field}"' },
  'settings.invalid#too-long': {
    ru: 'Поле «{field}»: не больше {max} символов',
    en: '"{field}": at most {max} characters',
  },
  'settings.invalid#range': {
    ru: 'Поле «{field}»: от {min} до {max}',
    en: '"{field}": from {min} to {max}',
  },
  'settings.not-found': { ru: 'Юрлицо с этим ИНН не найдено', en: 'No legal entity with this INN' },
  'statement.not-found': { ru: 'Выписка не найдена', en: 'The statement was not found' },
  'statement.line-not-found': { ru: 'Строка выписки не найдена', en: 'The statement line was not found' },
  'statement.allocations': { ru: 'Проверьте разнесение по счетам', en: 'Check the allocation to invoices' },
  'statement.empty': { ru: 'Файл пуст', en: 'The file is empty' },
  'statement.unknown-format': {
    ru: 'Это не банковская выписка: нужен файл 1С (1CClientBankExchange), camt.053 или MT940',
    en: 'Not a bank statement: a 1C (1CClientBankExchange), camt.053 or MT940 file is needed',
  },
  'statement.malformed': { ru: 'Файл выписки повреждён (строка {line})', en: 'The statement is broken (line {line})' },
  'statement.too-large': { ru: 'Слишком много документов в одной выписке', en: 'Too many documents in one statement' },
  'export.unknown': { ru: 'Такой выгрузки нет', en: 'No such export' },
  'api-key.not-found': { ru: 'Ключ API не найден', en: 'The API key was not found' },
  'portal.item-not-found': { ru: 'Элемент не найден в портале', en: 'The item was not found in the portal' },
  'telegram.no-token': {
    ru: 'На сервере не задан токен Telegram-бота (TELEGRAM_BOT_TOKEN)',
    en: 'The Telegram bot token (TELEGRAM_BOT_TOKEN) is not set on the server',
  },
  'telegram.rejected': {
    ru: 'Telegram не принял токен бота ({reason})',
    en: 'Telegram refused the bot token ({reason})',
  },
}

/** The text of a server error in `lang`; null when the code is unknown (the caller keeps its own text). */
export function serverErrorText(code: string, params: ErrorParams | undefined, lang: ErrorLang): string | null {
  const p = params ?? {}
  const entry = (typeof p.rule === 'string' ? TEXTS[`${code}#${p.rule}`] : undefined) ?? TEXTS[code]
  if (!entry) return null
  return entry[lang].replace(/(?<!\{)\{(\w+)\}(?!\})/g, (_, k: string) => {
    const v = p[k]
    if (v === undefined || v === null) return k === 'field' ? (lang === 'ru' ? 'значение' : 'value') : ''
    if (k === 'field') return fieldName(String(v), lang)
    return k === 'date' && lang === 'ru' ? String(v).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1') : String(v)
  })
}

/** Every code with a text (a test checks that the ru and en texts exist and differ in script). */
export const KNOWN_ERROR_CODES: readonly string[] = Object.keys(TEXTS)
