// 45 simulated days over 30 counterparties on a healthy sandbox portal the app was installed into.
import { simulationSuite } from './simulation-suite.ts'

simulationSuite('dunning over 45 simulated days', false)
