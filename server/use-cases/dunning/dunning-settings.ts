// The portal's dunning rules (settings key 'dunning'): stored after validation, defaults otherwise;
// every change is audited with the parts that changed.
import {
  DunningError,
  canonicalTaskTitle,
  defaultDunningRules,
  taskTitleIn,
  validateDunningRules,
  withTaskTitles,
  type DunningRules,
} from '../../domain/dunning/index.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'

export const DUNNING_SETTINGS_KEY = 'dunning'

export async function loadDunningRules(
  ports: Pick<ReceivablesPorts, 'settings' | 'log'>,
  memberId: string,
): Promise<DunningRules> {
  const stored = await ports.settings.get<Partial<DunningRules>>(memberId, DUNNING_SETTINGS_KEY)
  if (!stored) return defaultDunningRules()
  try {
    return validateDunningRules({ ...defaultDunningRules(), ...stored })
  } catch (e) {
    ports.log.warn({ memberId, err: (e as Error).message }, 'dunning.settings-invalid')
    return defaultDunningRules()
  }
}

/** The rules as the admin page edits them: built-in task titles in the portal's language. */
export async function readDunningRulesFor(
  ports: Pick<ReceivablesPorts, 'settings' | 'log'>,
  memberId: string,
  lang: string,
): Promise<DunningRules> {
  return withTaskTitles(await loadDunningRules(ports, memberId), (t) => taskTitleIn(t, lang))
}

/** Saves what the admin page sent (translated built-in titles stored in their canonical form) and answers in the page's form. */
export async function saveDunningRulesFrom(
  ports: Pick<ReceivablesPorts, 'settings' | 'log' | 'audit'>,
  memberId: string,
  input: unknown,
  actor: string,
  lang: string,
): Promise<DunningRules> {
  const body = input as Partial<DunningRules> | null
  const canonical =
    body &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    Array.isArray(body.rules) &&
    body.rules.every((r) => Array.isArray(r?.escalation) && r.escalation.every((s) => Array.isArray(s?.tasks)))
      ? {
          ...body,
          rules: withTaskTitles({ rules: body.rules } as DunningRules, (t) =>
            typeof t === 'string' ? canonicalTaskTitle(t) : t,
          ).rules,
        }
      : input
  return withTaskTitles(await saveDunningRules(ports, memberId, canonical, actor), (t) => taskTitleIn(t, lang))
}

/** Validates the whole document (partial input is merged over the current rules); throws DunningError. */
export async function saveDunningRules(
  ports: Pick<ReceivablesPorts, 'settings' | 'log' | 'audit'>,
  memberId: string,
  input: unknown,
  actor: string,
  source = 'ui',
): Promise<DunningRules> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new DunningError('dunning.invalid-rules', 'settings must be a JSON object')
  const current = await loadDunningRules(ports, memberId)
  const unknown = Object.keys(input).filter((k) => !Object.hasOwn(current, k))
  if (unknown.length)
    throw new DunningError(
      'dunning.invalid-rules',
      `unknown settings ${unknown
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}`,
      { errors: unknown.slice(0, 5).map((k) => `${k.slice(0, 40)}: unknown setting`) },
    )
  const rules = validateDunningRules({ ...current, ...input })
  await ports.settings.set(memberId, DUNNING_SETTINGS_KEY, rules, actor)
  const changed = (Object.keys(rules) as (keyof DunningRules)[]).filter(
    (k) => JSON.stringify(rules[k]) !== JSON.stringify(current[k]),
  )
  await ports.audit.record({
    memberId,
    actor,
    source,
    action: 'settings.changed',
    entity: 'setting',
    entityId: DUNNING_SETTINGS_KEY,
    details: { changed, value: Object.fromEntries(changed.map((k) => [k, rules[k]])) },
  })
  return rules
}
