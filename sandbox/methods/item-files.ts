// Uploads into file fields of crm.item.add / crm.item.update (api-reference/files/how-to-upload-files.md):
// a file is sent as [name, base64] (a multiple field takes an array of those); the portal keeps it and
// crm.item.get returns { id, url, urlMachine } (api-reference/files/how-to-download-files.md#crm).
// Values that are already such objects (a file kept from an earlier read) are stored as they are.
import { RestError } from '../rest/errors.ts'
import type { Ctx } from '../rest/context.ts'
import type { FieldDef } from './item-schema.ts'

const ids = new WeakMap<object, number>()

const isUpload = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string'

function stored(ctx: Ctx, d: FieldDef, itemId: number, entityTypeId: number, [name, b64]: [string, string]) {
  if (!name.trim() || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64.replace(/\s/g, '')))
    throw new RestError('CRM_FIELD_ERROR_VALUE_NOT_VALID', `Invalid value for field "${d.title}"`, 400)
  const id = (ids.get(ctx.ps) ?? 0) + 1
  ids.set(ctx.ps, id)
  const base = `http://${ctx.ps.portal.domain}`
  const q = `entityTypeId=${entityTypeId}&id=${itemId}&fieldName=${d.upper}&fileId=${id}`
  return {
    id,
    url: `${base}/bitrix/services/main/ajax.php?action=crm.controller.item.getFile&SITE_ID=s1&${q}`,
    urlMachine: `${base}/rest/crm.controller.item.getFile.json?${q}`,
  }
}

/** The value of a file field with its uploads turned into kept files; other values unchanged. */
export function uploadItemFiles(ctx: Ctx, d: FieldDef, value: unknown, itemId: number, entityTypeId: number): unknown {
  if (d.type !== 'file') return value
  if (isUpload(value)) return stored(ctx, d, itemId, entityTypeId, value)
  if (d.multiple && Array.isArray(value))
    return value.map((v) => (isUpload(v) ? stored(ctx, d, itemId, entityTypeId, v) : v))
  return value
}
