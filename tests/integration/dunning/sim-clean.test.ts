// 45 simulated days over 30 counterparties on a healthy portal.
import { simulationSuite } from './simulation-suite.ts'

simulationSuite('dunning over 45 simulated days', false)
