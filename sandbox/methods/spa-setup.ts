// Pipelines and stages a smart process gets by default (reference 5.3, 5.4).
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'
import { parseSystemStageEntity, seedSystemStages, systemStageEntity, systemStagePrefix } from './system-types.ts'

const isSystem = (etid: number) => etid === 2 || etid === 31

type StageSeed = {
  code: string
  ru: string
  en: string
  sort: number
  color: string
  semantics: 'S' | 'F' | null
  system: boolean
}

const DEFAULT_STAGES: StageSeed[] = [
  { code: 'NEW', ru: 'Начало', en: 'New', sort: 10, color: '#22B9FF', semantics: null, system: true },
  {
    code: 'PREPARATION',
    ru: 'Подготовка',
    en: 'Preparation',
    sort: 20,
    color: '#FFA900',
    semantics: null,
    system: false,
  },
  {
    code: 'CLIENT',
    ru: 'Согласование',
    en: 'Client approval',
    sort: 30,
    color: '#39A8EF',
    semantics: null,
    system: false,
  },
  { code: 'SUCCESS', ru: 'Успех', en: 'Success', sort: 40, color: '#7BD500', semantics: 'S', system: true },
  { code: 'FAIL', ru: 'Провал', en: 'Failure', sort: 50, color: '#FF5752', semantics: 'F', system: true },
]

export const stageEntityId = (entityTypeId: number, categoryId: number) =>
  isSystem(entityTypeId) ? systemStageEntity(entityTypeId, categoryId) : `DYNAMIC_${entityTypeId}_STAGE_${categoryId}`
export const stagePrefix = (entityTypeId: number, categoryId: number) =>
  isSystem(entityTypeId) ? systemStagePrefix(entityTypeId, categoryId) : `DT${entityTypeId}_${categoryId}`

export function parseStageEntity(entityId: string): { entityTypeId: number; categoryId: number } | null {
  const m = /^DYNAMIC_(\d+)_STAGE_(\d+)$/.exec(entityId)
  return m ? { entityTypeId: Number(m[1]), categoryId: Number(m[2]) } : parseSystemStageEntity(entityId)
}

export function addCategory(
  ps: PortalState,
  entityTypeId: number,
  f: { name: string; sort?: number; isDefault?: boolean; code?: string },
): Rec {
  if (f.isDefault) {
    for (const c of ps.categories.filter((c) => c.entityTypeId === entityTypeId && c.isDefault === 'Y'))
      ps.categories.save({ ...c, isDefault: 'N' })
  }
  const cat = ps.categories.insert({
    entityTypeId,
    name: f.name,
    sort: f.sort ?? 500,
    isDefault: f.isDefault ? 'Y' : 'N',
    isSystem: 'N',
    code: f.code ?? '',
  })
  if (isSystem(entityTypeId)) {
    seedSystemStages(ps, entityTypeId, cat.id)
    return cat
  }
  const lang = ps.portal.lang
  for (const s of DEFAULT_STAGES) {
    const name = lang === 'ru' ? s.ru : s.en
    ps.statuses.insert({
      ENTITY_ID: stageEntityId(entityTypeId, cat.id),
      STATUS_ID: `${stagePrefix(entityTypeId, cat.id)}:${s.code}`,
      NAME: name,
      NAME_INIT: s.system ? name : '',
      SORT: s.sort,
      SYSTEM: s.system ? 'Y' : 'N',
      CATEGORY_ID: cat.id,
      COLOR: s.color,
      SEMANTICS: s.semantics,
    })
  }
  return cat
}

export function categoriesOf(ps: PortalState, entityTypeId: number): Rec[] {
  return ps.categories
    .filter((c) => c.entityTypeId === entityTypeId)
    .sort((a, b) => Number(a.sort) - Number(b.sort) || a.id - b.id)
}

export function defaultCategory(ps: PortalState, entityTypeId: number): Rec | undefined {
  const cats = categoriesOf(ps, entityTypeId)
  return cats.find((c) => c.isDefault === 'Y') ?? cats[0]
}

export function stagesOf(ps: PortalState, entityTypeId: number, categoryId: number): Rec[] {
  const eid = stageEntityId(entityTypeId, categoryId)
  return ps.statuses.filter((s) => s.ENTITY_ID === eid).sort((a, b) => Number(a.SORT) - Number(b.SORT) || a.id - b.id)
}

export function statusOut(s: Rec): Record<string, unknown> {
  const sem = s.SEMANTICS === 'S' ? 'success' : s.SEMANTICS === 'F' ? 'failure' : 'process'
  return {
    ID: String(s.id),
    ENTITY_ID: s.ENTITY_ID,
    STATUS_ID: s.STATUS_ID,
    NAME: s.NAME,
    NAME_INIT: s.NAME_INIT,
    SORT: String(s.SORT),
    SYSTEM: s.SYSTEM,
    CATEGORY_ID: s.CATEGORY_ID === null || s.CATEGORY_ID === undefined ? null : String(s.CATEGORY_ID),
    COLOR: s.COLOR,
    SEMANTICS: s.SEMANTICS ?? null,
    EXTRA: { SEMANTICS: sem, COLOR: s.COLOR },
  }
}

export function categoryOut(c: Rec): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    sort: c.sort,
    entityTypeId: c.entityTypeId,
    isDefault: c.isDefault,
    isSystem: c.isSystem,
    code: c.code,
    originId: '',
    originatorId: '',
  }
}
