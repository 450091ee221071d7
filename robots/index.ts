// Explicit registry of every robot; a test checks that folders and registry agree.
// The folder name is the Bitrix24 CODE and is never renamed.
import type { RobotDefinition } from './kit/types.ts'

export const robots: readonly RobotDefinition[] = []
