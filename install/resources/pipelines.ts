// Pipelines (categories) and their stages inside our types. The default pipeline is the type's
// default category; others are found by the recorded id or by name. Stages are ours to shape:
// missing ones are added, changed ones restored, foreign ones (the portal's presets) removed.
import type { SmartProcessSpec } from '../manifest-types.ts'
import { operate, type ReconcileCtx } from '../reconcile-context.ts'

type Category = { id: number; name: string; isDefault: string }
type Status = {
  ID: string
  STATUS_ID: string
  NAME: string
  SORT: string | number
  COLOR: string
  SEMANTICS: string | null
  SYSTEM?: string
}

export async function reconcilePipelines(rc: ReconcileCtx, spec: SmartProcessSpec): Promise<void> {
  const proc = rc.state.processes[spec.key]
  if (!proc) {
    for (const p of spec.pipelines) planFresh(rc, spec, p.key)
    return
  }
  const { categories } = await rc.client.call<{ categories: Category[] }>('crm.category.list', {
    entityTypeId: proc.entityTypeId,
  })
  for (const pipe of spec.pipelines) {
    const name = pipe.name[rc.lang]
    const known = proc.pipelines[pipe.key]
    let cat =
      categories.find((c) => known && Number(c.id) === known.categoryId) ??
      (pipe.isDefault
        ? categories.find((c) => c.isDefault === 'Y')
        : categories.find((c) => c.name === name || c.name === pipe.name.ru || c.name === pipe.name.en))
    if (!cat) {
      const created = await operate(
        rc,
        { kind: 'pipeline', action: 'create', target: `${spec.key}/${pipe.key}`, detail: name },
        () =>
          rc.client.call<{ category: Category }>(
            'crm.category.add',
            { entityTypeId: proc.entityTypeId, fields: { name, sort: 500, isDefault: pipe.isDefault ? 'Y' : 'N' } },
            { idempotent: false },
          ),
      )
      if (!created) {
        planFresh(rc, spec, pipe.key)
        continue
      }
      cat = created.category
    } else if (cat.name !== name) {
      await operate(
        rc,
        { kind: 'pipeline', action: 'update', target: `${spec.key}/${pipe.key}`, detail: `${cat.name} -> ${name}` },
        () => rc.client.call('crm.category.update', { entityTypeId: proc.entityTypeId, id: cat!.id, fields: { name } }),
      )
    }
    proc.pipelines[pipe.key] = { categoryId: Number(cat.id), stages: {} }
    await reconcileStages(rc, spec, pipe.key)
  }
}

function planFresh(rc: ReconcileCtx, spec: SmartProcessSpec, pipeKey: string) {
  const pipe = spec.pipelines.find((p) => p.key === pipeKey)!
  rc.ops.push({ kind: 'pipeline', action: 'create', target: `${spec.key}/${pipe.key}`, detail: pipe.name[rc.lang] })
  for (const s of pipe.stages)
    rc.ops.push({
      kind: 'stage',
      action: 'create',
      target: `${spec.key}/${pipe.key}/${s.code}`,
      detail: s.name[rc.lang],
    })
}

async function reconcileStages(rc: ReconcileCtx, spec: SmartProcessSpec, pipeKey: string): Promise<void> {
  const proc = rc.state.processes[spec.key]!
  const pipeline = proc.pipelines[pipeKey]
  const pipe = spec.pipelines.find((p) => p.key === pipeKey)!
  const entityId = `DYNAMIC_${proc.entityTypeId}_STAGE_${pipeline.categoryId}`
  const prefix = `DT${proc.entityTypeId}_${pipeline.categoryId}:`
  const have = await rc.client.call<Status[]>('crm.status.list', {
    order: { SORT: 'ASC' },
    filter: { ENTITY_ID: entityId },
  })
  const wanted = new Set(pipe.stages.map((s) => s.code))
  for (const [i, s] of pipe.stages.entries()) {
    const statusId = `${prefix}${s.code}`
    pipeline.stages[s.code] = statusId
    const row = have.find((h) => h.STATUS_ID === statusId)
    const fields = {
      NAME: s.name[rc.lang],
      SORT: (i + 1) * 10,
      COLOR: s.color,
      SEMANTICS: s.semantics === 'P' ? '' : s.semantics,
    }
    const target = `${spec.key}/${pipeKey}/${s.code}`
    if (!row) {
      await operate(rc, { kind: 'stage', action: 'create', target, detail: fields.NAME }, () =>
        rc.client.call(
          'crm.status.add',
          { fields: { ENTITY_ID: entityId, STATUS_ID: s.code, ...fields } },
          { idempotent: false },
        ),
      )
    } else if (
      row.NAME !== fields.NAME ||
      Number(row.SORT) !== fields.SORT ||
      row.COLOR !== fields.COLOR ||
      (row.SEMANTICS ?? '') !== fields.SEMANTICS
    ) {
      await operate(
        rc,
        {
          kind: 'stage',
          action: 'update',
          target,
          detail: row.NAME !== fields.NAME ? `${row.NAME} -> ${fields.NAME}` : 'sort/colour',
        },
        () => rc.client.call('crm.status.update', { id: row.ID, fields }),
      )
    }
  }
  for (const row of have) {
    const code = row.STATUS_ID.startsWith(prefix) ? row.STATUS_ID.slice(prefix.length) : row.STATUS_ID
    if (wanted.has(code)) continue
    await operate(
      rc,
      { kind: 'stage', action: 'delete', target: `${spec.key}/${pipeKey}/${code}`, detail: row.NAME },
      () => rc.client.call('crm.status.delete', { id: row.ID, params: { FORCED: 'Y' } }),
    )
  }
}
