// Applying `fields` of crm.item.add / crm.item.update to a stored item.
import { RestError } from '../rest/errors.ts'
import { isEmpty } from '../rest/filter.ts'
import { resolveField, type SchemaIndex } from './item-schema.ts'
import { toStored } from './item-values.ts'
import { uploadItemFiles } from './item-files.ts'
import { defaultCategory, parseStageEntity, stagesOf } from './spa-setup.ts'
import type { Ctx } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

export function applyItemFields(
  ctx: Ctx,
  type: Rec,
  idx: SchemaIndex,
  item: Rec,
  fields: Record<string, unknown>,
  isNew: boolean,
): Rec {
  const next: Rec = { ...item }
  for (const [name, value] of Object.entries(fields)) {
    const d = resolveField(idx, name)
    if (!d || d.readOnly) continue
    next[d.key] = toStored(d, uploadItemFiles(ctx, d, value, Number(item.id), Number(type.entityTypeId)), ctx.zone)
  }
  const etid = Number(type.entityTypeId)
  const stageGiven = fields.stageId !== undefined || fields.STAGE_ID !== undefined
  const catGiven = fields.categoryId !== undefined || fields.CATEGORY_ID !== undefined
  const stage = stageGiven
    ? ctx.ps.statuses.find(
        (s) => s.STATUS_ID === next.stageId && parseStageEntity(String(s.ENTITY_ID))?.entityTypeId === etid,
      )
    : undefined
  if (stageGiven && !stage)
    throw new RestError('CRM_FIELD_ERROR_VALUE_NOT_VALID', `Stage "${String(next.stageId)}" not found`, 400)
  if (stage && catGiven && Number(stage.CATEGORY_ID) !== Number(next.categoryId)) {
    throw new RestError('CRM_FIELD_ERROR_VALUE_NOT_VALID', 'Stage does not belong to the pipeline', 400)
  }
  if (stage) next.categoryId = Number(stage.CATEGORY_ID)
  if (next.categoryId === null || next.categoryId === undefined)
    next.categoryId = defaultCategory(ctx.ps, etid)?.id ?? null
  const cat = ctx.ps.categories.get(Number(next.categoryId))
  if (!cat || cat.entityTypeId !== etid)
    throw new RestError('CRM_FIELD_ERROR_VALUE_NOT_VALID', 'Pipeline not found', 400)
  if (!stage && (isNew || (catGiven && Number(item.categoryId) !== Number(next.categoryId)))) {
    next.stageId = stagesOf(ctx.ps, etid, cat.id)[0]?.STATUS_ID ?? null
  }
  if (isNew) {
    next.assignedById ??= ctx.user.id
    next.createdBy = ctx.user.id
    next.createdTime = ctx.now
    next.movedBy = ctx.user.id
    next.movedTime = ctx.now
    next.opened ??= 'Y'
    next.currencyId ??= 'RUB'
    next.opportunity ??= 0
    next.isManualOpportunity ??= 'N'
    next.entityTypeId = etid
    next.contactIds ??= []
    next.observers ??= []
    if (type.isBeginCloseDatesEnabled === 'Y') {
      const today = new Date(ctx.now).toISOString().slice(0, 10)
      next.begindate ??= today
      next.closedate ??= new Date(ctx.now + 7 * 86_400_000).toISOString().slice(0, 10)
    }
    for (const d of idx.defs) {
      if (d.required && isEmpty(next[d.key]))
        throw new RestError('CRM_FIELD_ERROR_REQUIRED', `Field "${d.title}" is required`, 400)
      if (d.dynamic && next[d.key] === undefined) next[d.key] = d.multiple ? [] : defaultUf(d.uf)
    }
  } else if (next.stageId !== item.stageId) {
    next.previousStageId = item.stageId
    next.movedBy = ctx.user.id
    next.movedTime = ctx.now
  }
  if (Array.isArray(next.contactIds) && next.contactIds.length && !next.contactId) next.contactId = next.contactIds[0]
  if (next.contactId && (!Array.isArray(next.contactIds) || next.contactIds.length === 0))
    next.contactIds = [next.contactId]
  next.updatedBy = ctx.user.id
  next.updatedTime = ctx.now
  // fields the type's settings switch off are not stored (object-fields.md, SPA); the stage is kept
  // internally for the pipeline mechanics but never shown when isStagesEnabled is off
  for (const k of idx.off) if (!STAGE_KEYS.has(k)) delete next[k]
  return next
}

const STAGE_KEYS = new Set(['stageId', 'previousStageId', 'movedBy', 'movedTime'])

function defaultUf(uf: Rec | undefined): unknown {
  const s = (uf?.settings ?? {}) as Record<string, unknown>
  if (uf?.userTypeId === 'boolean') return String(s.DEFAULT_VALUE ?? '0') === '1' ? 'Y' : 'N'
  if (uf?.userTypeId === 'enumeration') {
    const def = ((uf.enum ?? []) as Record<string, unknown>[]).find((e) => e.def === 'Y')
    return def ? Number(def.id) : null
  }
  return null
}
