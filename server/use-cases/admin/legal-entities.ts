// Our legal entities, the creditors of claim letters: a list in 'claims.legalEntities' (the first is
// the default; the older single 'claims.creditor' reads as a list of one and keeps the default for
// older readers). Each is validated field by field before it is stored, and audited. A claim letter
// is written by the entity named on the claim's invoices' contracts (by name or INN), else the default.
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/actor.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { invalid, obj, save, str } from './company-settings.ts'
import { isValidInn } from '../../domain/parties/inn.ts'
import type { VatRate } from '../../documents/invoice-model.ts'

export interface LegalEntity {
  name: string
  inn: string
  kpp: string
  ogrn: string
  address: string
  signer: string
  signerTitle: string
  bankDetails: { bank: string; bic: string; account: string; corrAccount: string }
  /** The chief accountant signing invoices (the signer when empty); absent in entities saved before. */
  accountant?: string
  /** The VAT the entity charges on its invoices ('none' = без НДС); absent in entities saved before. */
  vatRate?: VatRate
}
const VAT_RATES: readonly VatRate[] = ['none', 0, 5, 7, 10, 20, 22]

function vatRateOf(v: unknown): VatRate {
  if (v === undefined || v === null || v === '') return 'none'
  const rate = v === 'none' ? v : Number(v)
  const hit = VAT_RATES.find((r) => r === rate)
  if (hit === undefined) throw invalid(`vatRate: one of ${VAT_RATES.join(', ')}`)
  return hit
}
export const LEGAL_ENTITY_SETTING = 'claims.creditor'
export const LEGAL_ENTITIES_SETTING = 'claims.legalEntities'
const MAX_ENTITIES = 50

export function parseLegalEntity(body: unknown): LegalEntity {
  const b = obj(body, 'legal entity')
  const bank = obj(b.bankDetails ?? {}, 'bankDetails')
  const e: LegalEntity = {
    name: str(b.name, 'name', 300),
    inn: str(b.inn, 'inn', 12, /^(\d{10}|\d{12})$/, '10 or 12 digits'),
    kpp: str(b.kpp ?? '', 'kpp', 9, /^\d{4}[\dA-Z]{2}\d{3}$/, '9 characters'),
    ogrn: str(b.ogrn ?? '', 'ogrn', 15, /^(\d{13}|\d{15})$/, '13 or 15 digits'),
    address: str(b.address ?? '', 'address', 500),
    signer: str(b.signer ?? '', 'signer', 200),
    signerTitle: str(b.signerTitle ?? '', 'signerTitle', 200),
    bankDetails: {
      bank: str(bank.bank ?? '', 'bankDetails.bank', 300),
      bic: str(bank.bic ?? '', 'bankDetails.bic', 9, /^\d{9}$/, '9 digits'),
      account: str(bank.account ?? '', 'bankDetails.account', 20, /^\d{20}$/, '20 digits'),
      corrAccount: str(bank.corrAccount ?? '', 'bankDetails.corrAccount', 20, /^\d{20}$/, '20 digits'),
    },
    accountant: str(b.accountant ?? '', 'accountant', 200),
    vatRate: vatRateOf(b.vatRate),
  }
  if (!e.name) throw invalid('name: the legal name is required')
  if (!e.inn) throw invalid('inn: required')
  return e
}

export async function readLegalEntities(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<LegalEntity[]> {
  const list = await ports.settings.get<LegalEntity[]>(memberId, LEGAL_ENTITIES_SETTING)
  if (list) return list
  const one = await ports.settings.get<LegalEntity>(memberId, LEGAL_ENTITY_SETTING)
  return one ? [one] : []
}

/** The default entity (the first). */
export async function readLegalEntity(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<LegalEntity | null> {
  return (await readLegalEntities(ports, memberId))[0] ?? null
}

async function store(ports: ReceivablesPorts, who: Actor, list: LegalEntity[]): Promise<LegalEntity[]> {
  await save(ports, who, LEGAL_ENTITIES_SETTING, list)
  await ports.settings.set(who.memberId, LEGAL_ENTITY_SETTING, list[0] ?? null, who.actor)
  return list
}

/** What is stored but looks wrong: an INN whose control digits fail (a warning, the entity is kept). */
export function legalEntityWarnings(e: Pick<LegalEntity, 'inn'>): { code: 'inn-invalid'; inn: string }[] {
  return isValidInn(e.inn) ? [] : [{ code: 'inn-invalid', inn: e.inn }]
}

/** Adds an entity, or replaces the one with `replaceInn` (its INN may change); one entity per INN. */
export async function upsertLegalEntity(
  ports: ReceivablesPorts,
  who: Actor,
  body: unknown,
  replaceInn?: unknown,
): Promise<LegalEntity[]> {
  const e = parseLegalEntity(body)
  if (replaceInn !== undefined && replaceInn !== null && typeof replaceInn !== 'string')
    throw invalid('replaceInn: the INN of the entity being edited')
  const list = await readLegalEntities(ports, who.memberId)
  const at = list.findIndex((x) => x.inn === (replaceInn || e.inn))
  if (replaceInn && at < 0)
    throw new LedgerError('not-found', 'settings.not-found', `no legal entity with INN ${String(replaceInn)}`)
  if (list.some((x, i) => x.inn === e.inn && i !== at))
    throw invalid(`inn: ${e.inn} belongs to another of our entities`)
  if (at < 0 && list.length >= MAX_ENTITIES) throw invalid(`at most ${MAX_ENTITIES} legal entities`)
  return store(ports, who, at >= 0 ? list.map((x, i) => (i === at ? e : x)) : [...list, e])
}

/** The default entity (the first) edited from the older single-entity form. */
export async function saveLegalEntity(ports: ReceivablesPorts, who: Actor, body: unknown): Promise<LegalEntity> {
  const first = await readLegalEntity(ports, who.memberId)
  const list = await upsertLegalEntity(ports, who, body, first?.inn)
  return list[first ? 0 : list.length - 1]!
}

export async function deleteLegalEntity(ports: ReceivablesPorts, who: Actor, inn: string): Promise<LegalEntity[]> {
  const list = await readLegalEntities(ports, who.memberId)
  if (!list.some((x) => x.inn === inn))
    throw new LedgerError('not-found', 'settings.not-found', `no legal entity with INN ${inn}`)
  return store(
    ports,
    who,
    list.filter((x) => x.inn !== inn),
  )
}

const norm = (s: string) => s.toLowerCase().replace(/[«»"'“”.,\s]/g, '')

/** The entity named (by name or INN) on the first of `names` that matches one; else the default. */
export function creditorFor(list: readonly LegalEntity[], names: readonly (string | null)[]): LegalEntity | null {
  for (const n of names) {
    if (!n?.trim()) continue
    const hit = list.find((e) => norm(e.name) === norm(n) || norm(n).includes(e.inn))
    if (hit) return hit
  }
  return list[0] ?? null
}
