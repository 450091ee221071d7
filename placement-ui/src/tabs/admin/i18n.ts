// The admin page's ru/en dictionary, merged from one dictionary per section (dict/*-words.ts).
import { pageWords } from './dict/page-words.ts'
import { approvalWords } from './dict/approval-words.ts'
import { dunningWords } from './dict/dunning-words.ts'
import { statementWords } from './dict/statement-words.ts'
import { reportWords } from './dict/report-words.ts'
import { companyWords } from './dict/company-words.ts'
import { connectionWords } from './dict/connection-words.ts'

export const dict = {
  ru: {
    ...pageWords.ru,
    ...approvalWords.ru,
    ...dunningWords.ru,
    ...statementWords.ru,
    ...reportWords.ru,
    ...companyWords.ru,
    ...connectionWords.ru,
  },
  en: {
    ...pageWords.en,
    ...approvalWords.en,
    ...dunningWords.en,
    ...statementWords.en,
    ...reportWords.en,
    ...companyWords.en,
    ...connectionWords.en,
  },
}
export type AdminT = (k: keyof typeof dict.en & string, v?: Record<string, string | number>) => string
