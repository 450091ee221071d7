// The same 45 days with 10% injected portal faults (503 before, lost answer after the portal acted),
// 10% Telegram failures and a worker killed twice mid-job: the same effects, none duplicated.
import { simulationSuite } from './simulation-suite.ts'

simulationSuite('dunning over 45 simulated days with faults', true)
