// Bank of Russia key rate as a step function: [effective date, rate in basis points]. A rate applies
// from its date up to the day before the next row. Effective dates (the first day the rate applied),
// not decision dates. Transcribed from ../shared/reference/data (cbr-key-rate.json and
// domain-rules.md section 2); key-rates.test.ts cross-checks it row by row. Since 2016-01-01 the
// refinancing rate equals the key rate; art. 395 uses the key rate only from 2016-08-01.
// New decisions are added by the admin at runtime (see key-rate-table.ts), not by editing this file.
import type { BasisPoints } from './rate.ts'
import type { LocalDate } from './days.ts'

export interface KeyRate {
  from: LocalDate
  bp: BasisPoints
}

const rows: ReadonlyArray<readonly [LocalDate, BasisPoints]> = [
  ['2013-09-13', 550],
  ['2014-03-03', 700],
  ['2014-04-28', 750],
  ['2014-07-28', 800],
  ['2014-11-05', 950],
  ['2014-12-12', 1050],
  ['2014-12-16', 1700],
  ['2015-02-02', 1500],
  ['2015-03-16', 1400],
  ['2015-05-05', 1250],
  ['2015-06-16', 1150],
  ['2015-08-03', 1100],
  ['2016-06-14', 1050],
  ['2016-09-19', 1000],
  ['2017-03-27', 975],
  ['2017-05-02', 925],
  ['2017-06-19', 900],
  ['2017-09-18', 850],
  ['2017-10-30', 825],
  ['2017-12-18', 775],
  ['2018-02-12', 750],
  ['2018-03-26', 725],
  ['2018-09-17', 750],
  ['2018-12-17', 775],
  ['2019-06-17', 750],
  ['2019-07-29', 725],
  ['2019-09-09', 700],
  ['2019-10-28', 650],
  ['2019-12-16', 625],
  ['2020-02-10', 600],
  ['2020-04-27', 550],
  ['2020-06-22', 450],
  ['2020-07-27', 425],
  ['2021-03-22', 450],
  ['2021-04-26', 500],
  ['2021-06-15', 550],
  ['2021-07-26', 650],
  ['2021-09-13', 675],
  ['2021-10-25', 750],
  ['2021-12-20', 850],
  ['2022-02-14', 950],
  ['2022-02-28', 2000],
  ['2022-04-11', 1700],
  ['2022-05-04', 1400],
  ['2022-05-27', 1100],
  ['2022-06-14', 950],
  ['2022-07-25', 800],
  ['2022-09-19', 750],
  ['2023-07-24', 850],
  ['2023-08-15', 1200],
  ['2023-09-18', 1300],
  ['2023-10-30', 1500],
  ['2023-12-18', 1600],
  ['2024-07-29', 1800],
  ['2024-09-16', 1900],
  ['2024-10-28', 2100],
  ['2025-06-09', 2000],
  ['2025-07-28', 1800],
  ['2025-09-15', 1700],
  ['2025-10-27', 1650],
  ['2025-12-22', 1600],
  ['2026-02-16', 1550],
  ['2026-03-23', 1500],
  ['2026-04-27', 1450],
  ['2026-06-22', 1425],
  ['2026-07-27', 1400],
]

/** The built-in table, ascending by date (2013-09-13 ... 2026-07-27, held at 14.00 % on 2026-09-11). */
export const BUILTIN_KEY_RATES: readonly KeyRate[] = Object.freeze(
  rows.map(([from, bp]) => Object.freeze({ from, bp })),
)

/** The first day art. 395 interest is measured by the key rate (wording in force since 01.08.2016). */
export const KEY_RATE_ERA_395: LocalDate = '2016-08-01'
