// Texts of the stage documents form (admin page, Company section).
import { translator } from '../../../app/i18n.ts'
import type { Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    title: 'Документы стадий взыскания',
    hint: 'Стадия может требовать свой документ: если карточку переведут дальше без него, приложение вернёт её и напишет в таймлайне, чего не хватает.',
    s_NEW: 'Просрочка',
    s_FIRST_NOTICE: 'Первое уведомление',
    s_CLAIM_SENT: 'Претензия направлена',
    s_PRETRIAL: 'Досудебное урегулирование',
    s_COURT_PREP: 'Подготовка иска',
    s_IN_COURT: 'В суде',
    s_ENFORCEMENT: 'Исполнительное производство',
    'd_first-notice': 'Первое уведомление',
    'd_claim-letter': 'Претензия',
    'd_settlement-schedule': 'График по мировому соглашению',
    'd_statement-of-claim': 'Исковое заявление',
    save: 'Сохранить',
    saved: 'Сохранено',
    formsTitle: 'Печатные формы стадий',
    formsHint: 'DOCX с переменными {vars} или PDF, до 2 МБ.',
    upload: 'Загрузить',
    preview: 'Пример',
    remove: 'Удалить',
    noForm: 'нет формы',
  },
  en: {
    title: 'Documents of the recovery stages',
    hint: 'A stage may require its document: when the card is moved on without it, the app returns the card and says in the timeline what is missing.',
    s_NEW: 'Overdue',
    s_FIRST_NOTICE: 'First notice',
    s_CLAIM_SENT: 'Claim sent',
    s_PRETRIAL: 'Pre-trial settlement',
    s_COURT_PREP: 'Court preparation',
    s_IN_COURT: 'In court',
    s_ENFORCEMENT: 'Enforcement',
    'd_first-notice': 'First notice',
    'd_claim-letter': 'Claim letter',
    'd_settlement-schedule': 'Settlement schedule',
    'd_statement-of-claim': 'Statement of claim',
    save: 'Save',
    saved: 'Saved',
    formsTitle: 'Print forms of the stages',
    formsHint: 'A DOCX with the variables {vars} or a PDF, up to 2 MB.',
    upload: 'Upload',
    preview: 'Preview',
    remove: 'Delete',
    noForm: 'no form',
  },
}

export const stageDocumentsT = (lang: Lang) => translator(dict, lang)
