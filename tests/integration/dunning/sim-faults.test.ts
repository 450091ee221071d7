// The same 45 days on a sandbox portal with 10% injected faults (500 before the portal acts, the
// answer lost after it did), 10% Telegram failures and the worker killed twice mid-job (a write
// reached the portal, its answer never came back): the same effects, none duplicated.
import { simulationSuite } from './simulation-suite.ts'

simulationSuite('dunning over 45 simulated days with faults', true)
