import { describe, expect, it } from 'vitest'
import { parsePaymentQrPayload, paymentQrPayload, PaymentQrError, type PaymentQrInput } from './payment-qr-payload.ts'

const input: PaymentQrInput = {
  name: 'ООО «Ромашка»',
  account: '40702810900000000001',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  corrAccount: '30101810400000000225',
  inn: '7707083893',
  kpp: '773601001',
  sum: 30_879_668,
  purpose: 'Оплата по счёту № 15 от 10.06.2025. В т.ч. НДС 20% 51 466,11',
}

const fieldOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return e instanceof PaymentQrError ? e.field : `other: ${String(e)}`
  }
  return 'no error'
}

describe('the ГОСТ Р 56042-2014 payment payload', () => {
  it('writes the header, the required blocks in order, then INN, KPP, the sum in kopecks and the purpose', () => {
    expect(paymentQrPayload(input)).toBe(
      'ST00012|Name=ООО «Ромашка»|PersonalAcc=40702810900000000001|BankName=ПАО Сбербанк|BIC=044525225' +
        '|CorrespAcc=30101810400000000225|PayeeINN=7707083893|KPP=773601001|Sum=30879668' +
        '|Purpose=Оплата по счёту № 15 от 10.06.2025. В т.ч. НДС 20% 51 466,11',
    )
  })

  it('reads back every block', () => {
    expect(parsePaymentQrPayload(paymentQrPayload({ ...input, kpp: '' }))).toEqual({
      Name: 'ООО «Ромашка»',
      PersonalAcc: '40702810900000000001',
      BankName: 'ПАО Сбербанк',
      BIC: '044525225',
      CorrespAcc: '30101810400000000225',
      PayeeINN: '7707083893',
      Sum: '30879668',
      Purpose: 'Оплата по счёту № 15 от 10.06.2025. В т.ч. НДС 20% 51 466,11',
    })
  })

  it('writes CorrespAcc=0 for a bank without a correspondent account and shortens a long bank name', () => {
    const p = parsePaymentQrPayload(paymentQrPayload({ ...input, corrAccount: '', bankName: 'Б'.repeat(60) }))
    expect(p.CorrespAcc).toBe('0')
    expect(p.BankName).toBe('Б'.repeat(45))
  })

  it('names the field that is missing or wrong', () => {
    expect(fieldOf(() => paymentQrPayload({ ...input, name: ' ' }))).toBe('Name')
    expect(fieldOf(() => paymentQrPayload({ ...input, name: 'A|B' }))).toBe('Name')
    expect(fieldOf(() => paymentQrPayload({ ...input, account: '4070281090000000000' }))).toBe('PersonalAcc')
    expect(fieldOf(() => paymentQrPayload({ ...input, bankName: '' }))).toBe('BankName')
    expect(fieldOf(() => paymentQrPayload({ ...input, bic: '04452522' }))).toBe('BIC')
    expect(fieldOf(() => paymentQrPayload({ ...input, corrAccount: '123' }))).toBe('CorrespAcc')
    expect(fieldOf(() => paymentQrPayload({ ...input, inn: '77070838' }))).toBe('PayeeINN')
    expect(fieldOf(() => paymentQrPayload({ ...input, kpp: '77' }))).toBe('KPP')
    expect(fieldOf(() => paymentQrPayload({ ...input, sum: 0 }))).toBe('Sum')
    expect(fieldOf(() => paymentQrPayload({ ...input, sum: 10.5 }))).toBe('Sum')
    expect(fieldOf(() => paymentQrPayload({ ...input, purpose: '' }))).toBe('Purpose')
  })
})
