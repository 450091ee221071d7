import { describe, expect, it } from 'vitest'
import { MoneyError } from '../domain/money/index.ts'
import { amountInWordsRu, integerInWordsRu } from './amount-in-words.ts'

describe('the amount in words (сумма прописью)', () => {
  it('writes the example of the issue', () => {
    expect(amountInWordsRu(30_879_668)).toBe('Триста восемь тысяч семьсот девяносто шесть рублей 68 копеек')
  })

  it.each([
    [0, 'Ноль рублей 00 копеек'],
    [100, 'Один рубль 00 копеек'],
    [200, 'Два рубля 00 копеек'],
    [500, 'Пять рублей 00 копеек'],
    [1_100, 'Одиннадцать рублей 00 копеек'],
    [2_100, 'Двадцать один рубль 00 копеек'],
    [100_000, 'Одна тысяча рублей 00 копеек'],
    [100_000_000, 'Один миллион рублей 00 копеек'],
  ])('%i kopecks -> %s', (k, words) => expect(amountInWordsRu(k)).toBe(words))

  it('declines the kopecks by their number', () => {
    expect(amountInWordsRu(1)).toBe('Ноль рублей 01 копейка')
    expect(amountInWordsRu(2)).toBe('Ноль рублей 02 копейки')
    expect(amountInWordsRu(5)).toBe('Ноль рублей 05 копеек')
    expect(amountInWordsRu(11)).toBe('Ноль рублей 11 копеек')
    expect(amountInWordsRu(12)).toBe('Ноль рублей 12 копеек')
    expect(amountInWordsRu(21)).toBe('Ноль рублей 21 копейка')
    expect(amountInWordsRu(22)).toBe('Ноль рублей 22 копейки')
    expect(amountInWordsRu(99)).toBe('Ноль рублей 99 копеек')
    expect(amountInWordsRu(10_101)).toBe('Сто один рубль 01 копейка')
  })

  it('uses the feminine for thousands and the right forms of every scale', () => {
    expect(integerInWordsRu(2_000)).toBe('две тысячи')
    expect(integerInWordsRu(5_000)).toBe('пять тысяч')
    expect(integerInWordsRu(11_000)).toBe('одиннадцать тысяч')
    expect(integerInWordsRu(21_000)).toBe('двадцать одна тысяча')
    expect(integerInWordsRu(2_000_000)).toBe('два миллиона')
    expect(integerInWordsRu(1_000_001)).toBe('один миллион один')
    expect(integerInWordsRu(1_002_003_000)).toBe('один миллиард два миллиона три тысячи')
    expect(integerInWordsRu(10_000_000_000_000)).toBe('десять триллионов')
    expect(integerInWordsRu(914_512)).toBe('девятьсот четырнадцать тысяч пятьсот двенадцать')
    expect(amountInWordsRu(1_000_000_000)).toBe('Десять миллионов рублей 00 копеек')
    expect(amountInWordsRu(11_200_000_000)).toBe('Сто двенадцать миллионов рублей 00 копеек')
  })

  it('refuses negative, fractional and absurd amounts', () => {
    expect(() => amountInWordsRu(-1)).toThrow(MoneyError)
    expect(() => amountInWordsRu(1.5)).toThrow(MoneyError)
    expect(() => amountInWordsRu(10 ** 16)).toThrow(MoneyError)
  })
})
