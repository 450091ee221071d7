// batch (reference 4): up to 50 "method?query" commands, sequential, $result[...] references, halt.
// Commands past the 50th are not run: each answers ERROR_BATCH_LENGTH_EXCEEDED in result_error.
import { RestError } from '../rest/errors.ts'
import { parseQs } from '../http/body.ts'
import { isTrue } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'

const MAX_COMMANDS = 50
const REF = /\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g

function lookup(results: Record<string, unknown>, key: string, path: string): unknown {
  let v: unknown = results[key]
  for (const m of path.matchAll(/\[([^\]]*)\]/g)) {
    if (v === null || v === undefined) return undefined
    v = (v as Record<string, unknown>)[m[1]]
  }
  return v
}

export function substitute(v: unknown, results: Record<string, unknown>): unknown {
  if (typeof v === 'string') {
    const whole = /^\$result\[([^\]]+)\]((?:\[[^\]]*\])*)$/.exec(v)
    if (whole) return lookup(results, whole[1], whole[2]) ?? ''
    return v.replace(REF, (_m, key: string, path: string) => {
      const x = lookup(results, key, path)
      return x === undefined || x === null ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x)
    })
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, results))
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, results)]))
  }
  return v
}

function splitCommand(cmd: string): { method: string; params: Params } {
  const i = cmd.indexOf('?')
  const method = (i < 0 ? cmd : cmd.slice(0, i)).trim()
  return { method, params: i < 0 ? {} : parseQs(cmd.slice(i + 1)) }
}

async function runBatch(ctx: Ctx, p: Params) {
  const cmd = p.cmd
  if (typeof cmd !== 'object' || cmd === null) throw new RestError('ERROR_BATCH_EMPTY', 'Empty batch', 400)
  const isArray = Array.isArray(cmd)
  const entries = Object.entries(cmd as Record<string, unknown>)
  const halt = isTrue(p.halt)
  const result: Record<string, unknown> = {}
  const errors: Record<string, unknown> = {}
  const totals: Record<string, unknown> = {}
  const nexts: Record<string, unknown> = {}
  const times: Record<string, unknown> = {}
  for (const [i, [key, raw]] of entries.entries()) {
    // settings/how-to-call-rest-api/batch.md: at most 50 sub-calls; those beyond the limit end with
    // ERROR_BATCH_LENGTH_EXCEEDED each (in result_error), the first 50 run
    if (i >= MAX_COMMANDS) {
      errors[key] = { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' }
      continue
    }
    const { method, params } = splitCommand(String(raw))
    try {
      if (method.toLowerCase() === 'batch')
        throw new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 405)
      const out = await ctx.hooks.call(ctx, method, substitute(params, result) as Params)
      result[key] = out.result
      if (out.total !== undefined) totals[key] = out.total
      if (out.next !== undefined) nexts[key] = out.next
      times[key] = (out as { time?: unknown }).time
    } catch (e) {
      const err = e instanceof RestError ? e : new RestError('INTERNAL_SERVER_ERROR', String(e), 500)
      errors[key] = { error: err.code, error_description: err.description }
      if (halt) break
    }
  }
  const shape = (m: Record<string, unknown>) => {
    const keys = Object.keys(m)
    if (keys.length === 0) return []
    return isArray ? keys.map((k) => m[k]) : m
  }
  const shapeSparse = (m: Record<string, unknown>) => (Object.keys(m).length === 0 ? [] : m)
  return {
    result: {
      result: isArray ? shapeArray(result, entries.length) : shape(result),
      result_error: shapeSparse(errors),
      result_total: shapeSparse(totals),
      result_next: shapeSparse(nexts),
      result_time: shapeSparse(times),
    },
  }
}

/** Array batches keep positions: PHP serialises a list with holes as an object keyed by index. */
function shapeArray(m: Record<string, unknown>, n: number): unknown {
  const keys = Object.keys(m)
  if (keys.length === 0) return []
  if (keys.length === n) return keys.map((k) => m[k])
  return m
}

export const batchMethods: MethodTable = {
  batch: { scope: null, handler: runBatch },
}
