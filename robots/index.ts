// Explicit registry of every robot; a test checks that folders and registry agree.
// The folder name is the Bitrix24 CODE and is never renamed.
import type { RobotDefinition } from './kit/types.ts'
import approvalAwait from './approval-await/robot.ts'
import claimLetterGenerate from './claim-letter-generate/robot.ts'
import claimOpen from './claim-open/robot.ts'
import collectionPlanStart from './collection-plan-start/robot.ts'
import creditCheck from './credit-check/robot.ts'
import departmentHeadFind from './department-head-find/robot.ts'
import paymentRecord from './payment-record/robot.ts'
import paymentTotalsPost from './payment-totals-post/robot.ts'
import penaltyCalculate from './penalty-calculate/robot.ts'
import reconciliationAct from './reconciliation-act/robot.ts'
import telegramSend from './telegram-send/robot.ts'
import workingDeadline from './working-deadline/robot.ts'

export const robots: readonly RobotDefinition[] = [
  penaltyCalculate,
  workingDeadline,
  paymentTotalsPost,
  paymentRecord,
  collectionPlanStart,
  claimOpen,
  claimLetterGenerate,
  telegramSend,
  departmentHeadFind,
  approvalAwait,
  creditCheck,
  reconciliationAct,
]
