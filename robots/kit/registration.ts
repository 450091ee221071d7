import type { RobotDefinition, RobotPropertySpec } from './types.ts'
import { documentType } from './document.ts'
import type { RegistrationContext, RobotCatalog } from '../../install/robot-catalog.ts'

/** Every robot also returns these two, so a business process can branch on failure. */
export const STANDARD_RETURNS: Record<string, RobotPropertySpec> = {
  success: { name: { ru: 'Успешно', en: 'Succeeded' }, type: 'bool' },
  errorMessage: { name: { ru: 'Текст ошибки', en: 'Error message' }, type: 'string' },
}

const prop = (p: RobotPropertySpec) => ({
  Name: { ru: p.name.ru, en: p.name.en },
  ...(p.description ? { Description: { ru: p.description.ru, en: p.description.en } } : {}),
  Type: p.type,
  Required: p.required ? 'Y' : 'N',
  Multiple: p.multiple ? 'Y' : 'N',
  ...(p.default !== undefined ? { Default: p.default } : {}),
  ...(p.options ? { Options: Object.fromEntries(Object.entries(p.options).map(([k, l]) => [k, l.ru])) } : {}),
})

/** The FIELDS of bizproc.robot.add / update for one robot in one portal. */
export function robotRegistration(def: RobotDefinition, rc: RegistrationContext) {
  const types = def.documents
    .filter((d) => ['deal', 'company', 'contact'].includes(d) || rc.entityTypeIds[d] !== undefined)
    .map((d) => documentType(d, rc.entityTypeIds[d]))
  return {
    CODE: def.code,
    HANDLER: `${rc.handlerBase}/bitrix/robots/${def.code}`,
    AUTH_USER_ID: rc.authUserId,
    USE_SUBSCRIPTION: 'Y',
    NAME: { ru: def.name.ru, en: def.name.en },
    DESCRIPTION: { ru: def.description.ru, en: def.description.en },
    PROPERTIES: Object.fromEntries(Object.entries(def.properties).map(([k, p]) => [k, prop(p)])),
    RETURN_PROPERTIES: Object.fromEntries(
      Object.entries({ ...def.returnProperties, ...STANDARD_RETURNS }).map(([k, p]) => [k, prop(p)]),
    ),
    DOCUMENT_TYPE: types[0] ?? documentType('deal'),
    FILTER: { INCLUDE: types.map((t) => t.slice(0, 2)) },
    USE_PLACEMENT: 'N',
  }
}

/** The installer's view of the robots: code, name and how each registers in a portal. */
export function robotCatalog(defs: readonly RobotDefinition[]): RobotCatalog {
  return defs.map((def) => ({ code: def.code, name: def.name, registration: (rc) => robotRegistration(def, rc) }))
}
