// Money in robot forms: a double property arrives as text ("1234.5") and leaves as "1234.50".
import { parseRubles, type Kopecks } from '../../server/domain/money/index.ts'
import type { RobotValues } from './types.ts'
import { RobotError } from './types.ts'

/** Kopecks as the plain decimal a business process can compare and add: "-1234.05". */
export function rublesValue(kopecks: Kopecks): string {
  const sign = kopecks < 0 ? '-' : ''
  const a = Math.abs(kopecks)
  return `${sign}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/** A money property (already checked as a number) in kopecks; must be positive unless allowed. */
export function kopecksOf(v: RobotValues[string], name: string, o: { allowZero?: boolean } = {}): Kopecks {
  const k = parseRubles(String(v))
  if (k < 0 || (k === 0 && !o.allowZero))
    throw new RobotError('robot.bad-property', `"${name}" must be a positive amount`)
  return k
}
