import type { RobotDefinition } from './types.ts'

const CODE = /^[a-z][a-z0-9-]{1,48}$/
const PROP = /^[a-zA-Z][a-zA-Z0-9_]*$/

/** Declares a robot; codes and property keys are checked when the module loads. */
export function defineRobot(def: RobotDefinition): RobotDefinition {
  if (!CODE.test(def.code)) throw new Error(`robot code "${def.code}" must be kebab-case letters and digits`)
  for (const key of [...Object.keys(def.properties), ...Object.keys(def.returnProperties)]) {
    if (!PROP.test(key))
      throw new Error(`robot ${def.code}: property key "${key}" must start with a letter and use [a-zA-Z0-9_]`)
  }
  if ('success' in def.returnProperties || 'errorMessage' in def.returnProperties)
    throw new Error(`robot ${def.code}: success and errorMessage are standard returns`)
  return Object.freeze(def)
}
