import type { RobotPropertySpec, RobotValues } from './types.ts'
import { RobotError } from './types.ts'

type Raw = unknown

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_RU = /^(\d{2})\.(\d{2})\.(\d{4})$/

function one(key: string, spec: RobotPropertySpec, raw: string): string | number | boolean {
  const v = raw.trim()
  switch (spec.type) {
    case 'int': {
      if (!/^-?\d{1,15}$/.test(v))
        throw new RobotError('robot.bad-property', `"${key}" must be a whole number, got "${v.slice(0, 40)}"`)
      return Number(v)
    }
    case 'double': {
      const n = v.replace(/\s/g, '').replace(',', '.')
      if (!/^-?\d{1,15}(\.\d+)?$/.test(n))
        throw new RobotError('robot.bad-property', `"${key}" must be a number, got "${v.slice(0, 40)}"`)
      return n // kept as text: money is parsed exactly by the robot (never through floats)
    }
    case 'bool': {
      if (['Y', 'y', '1', 'true'].includes(v)) return true
      if (['N', 'n', '0', 'false', ''].includes(v)) return false
      throw new RobotError('robot.bad-property', `"${key}" must be Y or N`)
    }
    case 'date': {
      const ru = DATE_RU.exec(v)
      const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : v.slice(0, 10)
      if (!DATE.test(iso) || Number.isNaN(Date.parse(iso)))
        throw new RobotError(
          'robot.bad-property',
          `"${key}" must be a date (YYYY-MM-DD or DD.MM.YYYY), got "${v.slice(0, 40)}"`,
        )
      return iso
    }
    case 'datetime': {
      // ISO with an offset is kept; a wall-clock time (ISO or DD.MM.YYYY HH:MM[:SS]) becomes
      // 'YYYY-MM-DDTHH:MM:SS' for the robot to read in the portal's time zone.
      if (
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v) &&
        !Number.isNaN(Date.parse(v))
      )
        return v
      const m = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4}))[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v)
      const iso = m && `${m[1] ?? m[6]}-${m[2] ?? m[5]}-${m[3] ?? m[4]}T${m[7]}:${m[8]}:${m[9] ?? '00'}`
      if (!iso || Number.isNaN(Date.parse(`${iso}Z`)) || Number(m![7]) > 23 || Number(m![8]) > 59)
        throw new RobotError(
          'robot.bad-property',
          `"${key}" must be a date and time (YYYY-MM-DD HH:MM or DD.MM.YYYY HH:MM), got "${v.slice(0, 40)}"`,
        )
      return iso
    }
    case 'select': {
      if (!spec.options || !(v in spec.options))
        throw new RobotError(
          'robot.bad-property',
          `"${key}" must be one of ${Object.keys(spec.options ?? {}).join(', ')}`,
        )
      return v
    }
    case 'user':
      return v.replace(/^user_/, '')
    default:
      return v
  }
}

/** Parses and validates the form's properties[...] against the robot's specs. */
export function parseRobotProperties(specs: Record<string, RobotPropertySpec>, raw: Record<string, Raw>): RobotValues {
  const out: RobotValues = {}
  for (const [key, spec] of Object.entries(specs)) {
    let value = raw[key]
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      value = spec.default !== undefined ? String(spec.default) : undefined
    if (value === undefined) {
      if (spec.required)
        throw new RobotError('robot.missing-property', `The required property "${key}" (${spec.name.en}) is empty`)
      out[key] = null
      continue
    }
    const list = Array.isArray(value)
      ? value
      : typeof value === 'object' && value !== null
        ? Object.values(value)
        : [value]
    if (list.some((x) => typeof x !== 'string' && typeof x !== 'number'))
      throw new RobotError('robot.bad-property', `"${key}" has an unexpected shape`)
    const parsed = list.map((x) => one(key, spec, String(x)))
    out[key] = spec.multiple ? (parsed as (string | number)[]) : parsed[0]
  }
  return out
}
