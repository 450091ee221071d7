// The demo company group: deterministic (same data on every run), realistic enough to click through.
import { makeOrgInn } from './inn.ts'

export interface DemoCounterparty {
  key: string
  name: string
  inn: string
  kpp: string
  email: string
  city: string
  risk: 'low' | 'normal' | 'high'
}
export interface DemoContract {
  counterparty: string
  number: string
  date: string
  paymentDays: number
  legalEntity: string
}
export interface DemoInvoice {
  counterparty: string
  contract: string
  number: string
  date: string
  dueDate: string
  amount: number
  paid: number[]
  stage: string
}
export interface DemoUser {
  id: number
  name: string
  lastName: string
  email: string
  department: string
  isAdmin: boolean
  position: string
}
export interface DemoDepartment {
  id: string
  name: string
  parent: string | null
  head: number | null
}

const NAMES = [
  'Вектор',
  'Альфа-Строй',
  'Северный ветер',
  'Техносила',
  'Гранит',
  'Меридиан',
  'Фортуна',
  'Промсервис',
  'Уралмет',
  'Балтика-Логистик',
  'Сибирский лес',
  'Кристалл',
  'Интегра',
  'Орион',
  'Волга-Агро',
  'Невский пассаж',
  'ТрансКарго',
  'Арктика',
  'Эталон',
  'Лидер-М',
]
const CITIES = [
  'Москва',
  'Санкт-Петербург',
  'Екатеринбург',
  'Новосибирск',
  'Казань',
  'Нижний Новгород',
  'Самара',
  'Ростов-на-Дону',
]
export const LEGAL_ENTITIES = ['ООО «Ромашка»', 'ООО «Ромашка-Сервис»']

// A small deterministic PRNG (mulberry32) so the demo is the same on every machine.
function rng(seed: number) {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

export function demoCounterparties(): DemoCounterparty[] {
  const r = rng(7)
  return NAMES.map((n, i) => ({
    key: `cp${i + 1}`,
    name: `ООО «${n}»`,
    inn: makeOrgInn(String(77 + (i % 3)), 1_234_500 + i * 37),
    kpp: `${77 + (i % 3)}0101001`,
    email: `buh@${['vector', 'alfa', 'sever', 'tehno', 'granit', 'meridian', 'fortuna', 'promservis', 'uralmet', 'baltika', 'siblees', 'kristall', 'integra', 'orion', 'volga', 'nevsky', 'transcargo', 'arktika', 'etalon', 'lider'][i]}.example.ru`,
    city: CITIES[i % CITIES.length],
    risk: r() < 0.2 ? 'high' : r() < 0.6 ? 'normal' : 'low',
  }))
}

export function demoContracts(cps: DemoCounterparty[]): DemoContract[] {
  return cps.flatMap((c, i) => [
    {
      counterparty: c.key,
      number: `${i + 1}/2025`,
      date: addDays('2025-01-09', i * 5),
      paymentDays: [10, 14, 30][i % 3],
      legalEntity: LEGAL_ENTITIES[i % 2],
    },
    ...(i % 4 === 0
      ? [
          {
            counterparty: c.key,
            number: `${i + 1}-Д/2026`,
            date: addDays('2026-01-12', i),
            paymentDays: 30,
            legalEntity: LEGAL_ENTITIES[0],
          },
        ]
      : []),
  ])
}

/** 200 invoices across all stages, relative to `today`: paid, partial, due soon, overdue by 1-120 days. */
export function demoInvoices(contracts: DemoContract[], today: string, count = 200): DemoInvoice[] {
  const r = rng(42)
  const out: DemoInvoice[] = []
  for (let i = 0; i < count; i++) {
    const k = contracts[i % contracts.length]
    const ageDays = Math.floor(r() * 180)
    const date = addDays(today, -ageDays)
    const dueDate = addDays(date, k.paymentDays)
    const amount = Math.round(20_000 + r() * 480_000) * 100
    const roll = r()
    const overdue = dueDate < today
    let paid: number[] = []
    let stage = overdue ? 'OVERDUE' : 'AWAITING'
    if (roll < 0.45) {
      paid = [amount]
      stage = 'SUCCESS'
    } else if (roll < 0.6) {
      const part = Math.round((amount * (0.2 + r() * 0.5)) / 100) * 100
      paid = [part]
      stage = overdue ? 'OVERDUE' : 'PARTIAL'
    } else if (roll < 0.65) {
      stage = 'NEW'
    } else if (roll < 0.7 && !overdue) {
      stage = 'SENT'
    } else if (roll < 0.72) {
      stage = 'FAIL'
    }
    out.push({
      counterparty: k.counterparty,
      contract: k.number,
      number: `С-${String(1001 + i)}`,
      date,
      dueDate,
      amount,
      paid,
      stage,
    })
  }
  return out
}

export const demoDepartments: DemoDepartment[] = [
  { id: '1', name: 'ООО «Ромашка»', parent: null, head: 1 },
  { id: '2', name: 'Отдел продаж', parent: '1', head: 2 },
  { id: '3', name: 'Финансовый отдел', parent: '1', head: 4 },
  { id: '4', name: 'Бухгалтерия', parent: '3', head: 5 },
  { id: '5', name: 'Юридический отдел', parent: '1', head: 7 },
  { id: '6', name: 'Отдел закупок', parent: '1', head: null },
]

export const demoUsers: DemoUser[] = [
  {
    id: 1,
    name: 'Ирина',
    lastName: 'Смирнова',
    email: 'admin@romashka.example.ru',
    department: '1',
    isAdmin: true,
    position: 'Генеральный директор',
  },
  {
    id: 2,
    name: 'Олег',
    lastName: 'Кузнецов',
    email: 'sales.head@romashka.example.ru',
    department: '2',
    isAdmin: false,
    position: 'Руководитель продаж',
  },
  {
    id: 3,
    name: 'Анна',
    lastName: 'Попова',
    email: 'manager@romashka.example.ru',
    department: '2',
    isAdmin: false,
    position: 'Менеджер',
  },
  {
    id: 4,
    name: 'Дмитрий',
    lastName: 'Васильев',
    email: 'finance@romashka.example.ru',
    department: '3',
    isAdmin: false,
    position: 'Финансовый менеджер',
  },
  {
    id: 5,
    name: 'Елена',
    lastName: 'Новикова',
    email: 'chief.accountant@romashka.example.ru',
    department: '4',
    isAdmin: false,
    position: 'Главный бухгалтер',
  },
  {
    id: 6,
    name: 'Мария',
    lastName: 'Фёдорова',
    email: 'accountant@romashka.example.ru',
    department: '4',
    isAdmin: false,
    position: 'Бухгалтер',
  },
  {
    id: 7,
    name: 'Сергей',
    lastName: 'Морозов',
    email: 'lawyer@romashka.example.ru',
    department: '5',
    isAdmin: false,
    position: 'Юрист',
  },
  {
    id: 8,
    name: 'Павел',
    lastName: 'Волков',
    email: 'buyer@romashka.example.ru',
    department: '6',
    isAdmin: false,
    position: 'Закупщик',
  },
  {
    id: 9,
    name: 'Наталья',
    lastName: 'Соколова',
    email: 'ops@romashka.example.ru',
    department: '1',
    isAdmin: false,
    position: 'Операционный менеджер',
  },
]
