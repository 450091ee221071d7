// Tiny ru/en dictionaries; each tab brings its own and merges the shared one.
export type Lang = 'ru' | 'en'
export type Dict = Record<string, string>

export const shared = {
  ru: {
    loading: 'Загрузка…',
    error: 'Ошибка',
    retry: 'Повторить',
    notInPortal: 'Откройте приложение в Битрикс24: эта страница работает внутри портала.',
    save: 'Сохранить',
    cancel: 'Отмена',
    unknownTab: 'Неизвестная вкладка {tab}',
  },
  en: {
    loading: 'Loading…',
    error: 'Error',
    retry: 'Retry',
    notInPortal: 'Open the app inside Bitrix24: this page works inside the portal.',
    save: 'Save',
    cancel: 'Cancel',
    unknownTab: 'Unknown tab {tab}',
  },
} satisfies Record<Lang, Dict>

export function pickLang(...candidates: (string | null | undefined)[]): Lang {
  for (const c of candidates) if (c) return c.toLowerCase().startsWith('ru') ? 'ru' : 'en'
  return 'en'
}

export function translator<T extends Record<Lang, Dict>>(dicts: T, lang: Lang) {
  return (key: keyof T['en'] & string, vars: Record<string, string | number> = {}): string => {
    const text = dicts[lang][key] ?? dicts.en[key] ?? key
    return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`))
  }
}
