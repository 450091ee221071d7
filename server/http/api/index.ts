// JSON API for the placement UI: one folder per feature, thin handlers that call one use-case.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { registerApiAuth } from './auth-hook.ts'
import { whoamiApi } from './whoami.ts'
import { receivablesApi } from './receivables/index.ts'
import { approvalsApi } from './approvals/index.ts'
import { dunningApi } from './dunning/index.ts'
import { receivableByItemApi } from './receivable-by-item.ts'
import { installApi } from './install/index.ts'
import { claimsApi } from './claims/index.ts'
import { statementsApi } from './statements/index.ts'
import { apiKeysApi } from './admin/api-keys.ts'
import { v1Api } from './v1/index.ts'
import { reportsApi } from './reports/index.ts'
import { adminSettingsApi } from './admin/settings.ts'
import { adminPenaltyDefaultsApi } from './admin/penalty-defaults.ts'
import { adminEntityImagesApi } from './admin/entity-images.ts'
import { adminStageRequirementsApi } from './admin/stage-requirements.ts'
import { adminStageTemplatesApi } from './admin/stage-templates.ts'
import { adminDunningReviewApi } from './admin/dunning-review.ts'

export type ApiModule = (scope: FastifyInstance, ctx: AppContext) => Promise<void>

export const apiModules: ApiModule[] = [
  whoamiApi,
  receivablesApi,
  approvalsApi,
  dunningApi,
  receivableByItemApi,
  installApi,
  claimsApi,
  statementsApi,
  apiKeysApi,
  v1Api,
  reportsApi,
  adminSettingsApi,
  adminPenaltyDefaultsApi,
  adminEntityImagesApi,
  adminStageRequirementsApi,
  adminStageTemplatesApi,
  adminDunningReviewApi,
]

export async function apiRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  registerApiAuth(scope, ctx)
  for (const m of apiModules) await m(scope, ctx)
}
