// Test order: Vitest's own (groups, projects, then file size on a fresh clone with no cache), except
// that within a project the files known to be slow (tests/slow-files.json, written by
// `tsx scripts/ci/slowest-tests.ts <report.json> --write tests/slow-files.json`) start first, slowest
// first. On a clean clone Vitest has no timings of its own, and a 40-second file picked last runs on
// alone while the other workers sit idle.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const known: Record<string, number> = JSON.parse(
  readFileSync(new URL('../slow-files.json', import.meta.url), 'utf8'),
) as Record<string, number>

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files)
    const position = new Map(base.map((f, i) => [f, i]))
    const seconds = (f: TestSpecification) => known[relative(f.project.config.root, f.moduleId)] ?? 0
    return [...base].sort((a, b) => {
      const group = a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder
      if (group !== 0) return group
      if (a.project.name !== b.project.name) return position.get(a)! - position.get(b)!
      return seconds(b) - seconds(a) || position.get(a)! - position.get(b)!
    })
  }
}
