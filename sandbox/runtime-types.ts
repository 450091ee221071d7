// Per-portal runtime state that is not persisted: limits, faults, request log.
import { LeakyBucket, STANDARD, ENTERPRISE } from './limits/bucket.ts'
import { OperatingMeter } from './limits/operating.ts'
import { NO_FAULTS, type FaultConfig } from './limits/faults.ts'
import { RequestLog } from './limits/counters.ts'
import type { Portal } from './state/types.ts'

export class PortalRuntime {
  readonly bucket: LeakyBucket
  readonly meter = new OperatingMeter()
  faults: FaultConfig = structuredClone(NO_FAULTS)
  readonly log = new RequestLog()

  constructor(portal: Portal) {
    this.bucket = new LeakyBucket(portal.licenseFamily === 'ent' ? ENTERPRISE : STANDARD)
  }
}
