// Russian production calendar (five-day week), 2016-2027: the project's own data module.
// Facts from the xmlcalendar RU files as compiled in shared/reference/data (see README there);
// 2027 rests on one source and should be re-checked against the government decree.
//
// Each year lists "MMDD" tokens separated by spaces:
//   off         weekdays that are days off (statutory holidays and transferred days off)
//   decree      weekdays made non-working by presidential decree (2020, 2021 only); kept apart so
//               a caller can use the standard government calendar (e.g. for key-rate dates)
//   work        Saturdays/Sundays that are working days
//   short       working days shortened by one hour (pre-holiday); may include a working Saturday
//   decreeShort days shortened in the standard calendar that the decree turned into days off
// Any other Saturday/Sunday is a day off; any other weekday is a full working day.

export interface ProductionYear {
  off: string
  decree?: string
  work: string
  short: string
  decreeShort?: string
}

export const ruProductionCalendar: Readonly<Record<number, ProductionYear>> = {
  2016: {
    off: '0101 0104 0105 0106 0107 0108 0222 0223 0307 0308 0502 0503 0509 0613 1104',
    work: '0220',
    short: '0220 1103',
  },
  2017: { off: '0102 0103 0104 0105 0106 0223 0224 0308 0501 0508 0509 0612 1106', work: '', short: '0222 0307 1103' },
  2018: {
    off: '0101 0102 0103 0104 0105 0108 0223 0308 0309 0430 0501 0502 0509 0611 0612 1105 1231',
    work: '0428 0609 1229',
    short: '0222 0307 0428 0508 0609 1229',
  },
  2019: {
    off: '0101 0102 0103 0104 0107 0108 0308 0501 0502 0503 0509 0510 0612 1104',
    work: '',
    short: '0222 0307 0430 0508 0611 1231',
  },
  2020: {
    off: '0101 0102 0103 0106 0107 0108 0224 0309 0501 0504 0505 0511 0612 1104',
    decree:
      '0330 0331 0401 0402 0403 0406 0407 0408 0409 0410 0413 0414 0415 0416 0417 0420 0421 0422 0423 0424 0427 0428 0429 0430 0506 0507 0508 0624 0701',
    work: '',
    short: '0611 1103 1231',
    decreeShort: '0430 0508',
  },
  2021: {
    off: '0101 0104 0105 0106 0107 0108 0222 0223 0308 0503 0510 0614 1104 1105 1231',
    decree: '0504 0505 0506 0507 1101 1102 1103',
    work: '0220',
    short: '0220 0430 0611',
    decreeShort: '1103',
  },
  2022: {
    off: '0103 0104 0105 0106 0107 0223 0307 0308 0502 0503 0509 0510 0613 1104',
    work: '0305',
    short: '0222 0305 1103',
  },
  2023: { off: '0102 0103 0104 0105 0106 0223 0224 0308 0501 0508 0509 0612 1106', work: '', short: '0222 0307 1103' },
  2024: {
    off: '0101 0102 0103 0104 0105 0108 0223 0308 0429 0430 0501 0509 0510 0612 1104 1230 1231',
    work: '0427 1102 1228',
    short: '0222 0307 0508 0611 1102',
  },
  2025: {
    off: '0101 0102 0103 0106 0107 0108 0501 0502 0508 0509 0612 0613 1103 1104 1231',
    work: '1101',
    short: '0307 0430 0611 1101',
  },
  2026: {
    off: '0101 0102 0105 0106 0107 0108 0109 0223 0309 0501 0511 0612 1104 1231',
    work: '',
    short: '0430 0508 0611 1103',
  },
  2027: {
    off: '0101 0104 0105 0106 0107 0108 0222 0223 0308 0503 0510 0614 1104 1105 1231',
    work: '0220',
    short: '0220 0430 0611 1103',
  },
}
