// The amount in words of a Russian payment document ("сумма прописью"): whole roubles in words,
// kopecks in two digits, each noun in the form its number asks for (1 рубль, 2 рубля, 5 рублей;
// 21 копейка, 11 копеек), the first letter capital. Integer arithmetic only.
import { assertKopecks } from '../domain/money/index.ts'

type Gender = 'm' | 'f'
type Forms = readonly [one: string, few: string, many: string]

const UNITS: Record<Gender, readonly string[]> = {
  m: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  f: ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
}
const TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
]
const TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
]
const HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
]

/** The scale words from the top down: trillions, billions, millions, thousands; each group's gender. */
const SCALES: readonly { forms: Forms; gender: Gender }[] = [
  { forms: ['триллион', 'триллиона', 'триллионов'], gender: 'm' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
]
const RUBLE: Forms = ['рубль', 'рубля', 'рублей']
const KOPECK: Forms = ['копейка', 'копейки', 'копеек']

/** The noun form after n: 1, 21, 101 -> one; 2-4, 22-24 -> few; 0, 5-20, 11-14, 25-30 -> many. */
export function pluralRu(n: number, forms: Forms): string {
  const last2 = n % 100
  const last = n % 10
  if (last2 >= 11 && last2 <= 14) return forms[2]
  if (last === 1) return forms[0]
  if (last >= 2 && last <= 4) return forms[1]
  return forms[2]
}

/** 0..999 in words ('' for 0). */
function triad(n: number, gender: Gender): string[] {
  const words = [HUNDREDS[Math.floor(n / 100)]]
  const rest = n % 100
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10])
  else words.push(TENS[Math.floor(rest / 10)], UNITS[gender][rest % 10])
  return words.filter(Boolean)
}

/** A whole number of roubles in words without the currency: 308796 -> "триста восемь тысяч семьсот девяносто шесть". */
export function integerInWordsRu(n: number, gender: Gender = 'm'): string {
  if (n === 0) return 'ноль'
  const words: string[] = []
  let scale = 10 ** 12
  for (const s of SCALES) {
    const group = Math.floor(n / scale) % 1000
    if (group) words.push(...triad(group, s.gender), pluralRu(group, s.forms))
    scale /= 1000
  }
  words.push(...triad(n % 1000, gender))
  return words.join(' ')
}

/** "Триста восемь тысяч семьсот девяносто шесть рублей 68 копеек" for 30879668 kopecks. */
export function amountInWordsRu(kopecks: number): string {
  const value = assertKopecks(kopecks)
  const rubles = Math.floor(value / 100)
  const kop = value % 100
  const kopText = `${String(kop).padStart(2, '0')} ${pluralRu(kop, KOPECK)}`
  const text = `${integerInWordsRu(rubles)} ${pluralRu(rubles, RUBLE)} ${kopText}`
  return text.charAt(0).toUpperCase() + text.slice(1)
}
