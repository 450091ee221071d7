// Deals (entityTypeId 2) and smart invoices (31): built into every portal, served by the universal crm.item.*
// and crm.category.* / crm.status.* methods (api-reference/crm/universal/index.md: "crm.item.* work with deals,
// smart invoices and SPAs"; reference 5.3, 5.4). Their pipelines are seeded on first use.
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

export const DEAL = 2
export const SMART_INVOICE = 31

const FLAGS = {
  isCategoriesEnabled: 'Y',
  isStagesEnabled: 'Y',
  isClientEnabled: 'Y',
  isLinkWithProductsEnabled: 'Y',
  isBeginCloseDatesEnabled: 'Y',
  isMycompanyEnabled: 'Y',
  isSourceEnabled: 'Y',
  isObserversEnabled: 'Y',
  relations: { parent: [], child: [] },
}

/** The type record of a built-in entity; its `id` names its user fields' entity (`CRM_DEAL`, `CRM_SMART_INVOICE`,
 * api-reference/crm/universal/userfieldconfig/userfieldconfig-add.md, entityId). */
export function systemType(ps: PortalState, etid: number): Rec | undefined {
  if (etid !== DEAL && etid !== SMART_INVOICE) return undefined
  ensureSystemPipelines(ps)
  const ru = ps.portal.lang === 'ru'
  if (etid === DEAL)
    return { id: 'DEAL' as unknown as number, entityTypeId: DEAL, title: ru ? 'Сделка' : 'Deal', ...FLAGS }
  return {
    id: 'SMART_INVOICE' as unknown as number,
    entityTypeId: SMART_INVOICE,
    title: ru ? 'Счёт' : 'Invoice',
    ...FLAGS,
  }
}

type Seed = [code: string, ru: string, en: string, semantics: 'S' | 'F' | null, color: string]

// The default deal pipeline's stages (reference 5.4: DEAL_STAGE; stage codes without a prefix in the default
// pipeline, `C{cat}:` in the others)
const DEAL_STAGES: Seed[] = [
  ['NEW', 'Новая', 'New', null, '#39A8EF'],
  ['PREPARATION', 'Подготовка документов', 'Preparing documents', null, '#2FC6F6'],
  ['PREPAYMENT_INVOICE', 'Счёт на предоплату', 'Prepayment invoice', null, '#55D0E0'],
  ['EXECUTING', 'В работе', 'In progress', null, '#47E4C2'],
  ['FINAL_INVOICE', 'Финальный счёт', 'Final invoice', null, '#FFA900'],
  ['WON', 'Сделка успешна', 'Deal won', 'S', '#7BD500'],
  ['LOSE', 'Сделка провалена', 'Deal lost', 'F', '#FF5752'],
]

// Smart invoice stages `DT31_{cat}:N|S|P|D` (reference 5.4: SMART_INVOICE_STAGE_{categoryId})
const INVOICE_STAGES: Seed[] = [
  ['N', 'Новый', 'New', null, '#22B9FF'],
  ['S', 'Отправлен клиенту', 'Sent to client', null, '#FFA900'],
  ['P', 'Оплачен', 'Paid', 'S', '#7BD500'],
  ['D', 'Отклонён', 'Declined', 'F', '#FF5752'],
]

export function systemStageEntity(etid: number, categoryId: number): string {
  if (etid === DEAL) return categoryId === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${categoryId}`
  return `SMART_INVOICE_STAGE_${categoryId}`
}

export function systemStagePrefix(etid: number, categoryId: number): string {
  if (etid === DEAL) return categoryId === 0 ? '' : `C${categoryId}`
  return `DT${etid}_${categoryId}`
}

export function parseSystemStageEntity(entityId: string): { entityTypeId: number; categoryId: number } | null {
  if (entityId === 'DEAL_STAGE') return { entityTypeId: DEAL, categoryId: 0 }
  const m = /^(DEAL|SMART_INVOICE)_STAGE_(\d+)$/.exec(entityId)
  return m ? { entityTypeId: m[1] === 'DEAL' ? DEAL : SMART_INVOICE, categoryId: Number(m[2]) } : null
}

/** The stages a new pipeline of a built-in type starts with. */
export function seedSystemStages(ps: PortalState, etid: number, categoryId: number): void {
  const prefix = systemStagePrefix(etid, categoryId)
  const seeds = etid === DEAL ? DEAL_STAGES : INVOICE_STAGES
  seeds.forEach(([code, ru, en, semantics, color], i) => {
    const name = ps.portal.lang === 'ru' ? ru : en
    ps.statuses.insert({
      ENTITY_ID: systemStageEntity(etid, categoryId),
      STATUS_ID: prefix ? `${prefix}:${code}` : code,
      NAME: name,
      NAME_INIT: semantics || i === 0 ? name : '',
      SORT: (i + 1) * 10,
      SYSTEM: semantics || i === 0 ? 'Y' : 'N',
      CATEGORY_ID: categoryId,
      COLOR: color,
      SEMANTICS: semantics,
    })
  })
}

/** Deals' default pipeline is category 0 (reference 5.3); the smart invoices' default one gets an id. */
export function ensureSystemPipelines(ps: PortalState): void {
  if (!ps.categories.find((c) => c.entityTypeId === DEAL)) {
    ps.categories.insert({
      id: 0,
      entityTypeId: DEAL,
      name: 'Общая',
      sort: 100,
      isDefault: 'Y',
      isSystem: 'N',
      code: '',
    })
    seedSystemStages(ps, DEAL, 0)
  }
  if (!ps.categories.find((c) => c.entityTypeId === SMART_INVOICE)) {
    const ru = ps.portal.lang === 'ru'
    const c = ps.categories.insert({
      entityTypeId: SMART_INVOICE,
      name: ru ? 'Счета' : 'Invoices',
      sort: 100,
      isDefault: 'Y',
      isSystem: 'N',
      code: '',
    })
    seedSystemStages(ps, SMART_INVOICE, c.id)
  }
}
