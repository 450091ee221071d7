// The database as Kysely sees it: one interface per area in ./tables/, composed here.
// Migrations: ./migrations/NNN_<area>.sql, numbers reserved per area:
// 001 foundation, 002 portal client & install, 003 ledger, 004 dunning, 005 claims,
// 006 approvals, 007 robots, 008 admin & statements, 009+ later.
import type { FoundationTables } from './tables/foundation.ts'
import type { LedgerTables } from './tables/ledger.ts'
import type { ApprovalTables } from './tables/approvals.ts'
import type { DunningTables } from './tables/dunning.ts'
import type { RateLimitTables } from './tables/rate-limits.ts'
import type { InstallTables } from './tables/install.ts'

export interface Schema extends FoundationTables, LedgerTables, ApprovalTables, DunningTables, RateLimitTables, InstallTables {}
