// Valid Russian INNs (10 digits for organisations) with correct check digits, from a seed.
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]

export function innCheckDigit(first9: string): number {
  const sum = W10.reduce((s, w, i) => s + w * Number(first9[i]), 0)
  return (sum % 11) % 10
}

export function isValidOrgInn(inn: string): boolean {
  return /^\d{10}$/.test(inn) && innCheckDigit(inn.slice(0, 9)) === Number(inn[9])
}

export function makeOrgInn(region: string, serial: number): string {
  const first9 = `${region.padStart(2, '0').slice(0, 2)}${String(serial).padStart(7, '0').slice(-7)}`
  return `${first9}${innCheckDigit(first9)}`
}
