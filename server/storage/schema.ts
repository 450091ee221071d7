// The database as Kysely sees it: one interface per area in ./tables/, composed here.
// Migrations: ./migrations/NNN_<area>.sql, numbers reserved per area:
// 001 foundation, 002 bank statements, 003 ledger, 004 dunning, 005 claims,
// 006 approvals, 007 admin, 009 robot waits, 011 rate buckets, 012 install state, 013 claim stage, 014+ later
// (060 contract status, 061 dunning task steps, 100 legal entity images).
import type { FoundationTables } from './tables/foundation.ts'
import type { LedgerTables } from './tables/ledger.ts'
import type { ApprovalTables } from './tables/approvals.ts'
import type { DunningTables } from './tables/dunning.ts'
import type { RateLimitTables } from './tables/rate-limits.ts'
import type { InstallTables } from './tables/install.ts'
import type { RobotWaitTables } from './tables/robot-waits.ts'
import type { ClaimTables } from './tables/claims.ts'
import type { StatementTables } from './tables/statements.ts'
import type { AdminTables } from './tables/admin.ts'
import type { KeyRateTables } from './tables/key-rates.ts'
import type { DocumentTables } from './tables/documents.ts'

export interface Schema
  extends
    FoundationTables,
    LedgerTables,
    ApprovalTables,
    DunningTables,
    RateLimitTables,
    InstallTables,
    RobotWaitTables,
    ClaimTables,
    StatementTables,
    AdminTables,
    KeyRateTables,
    DocumentTables {}
