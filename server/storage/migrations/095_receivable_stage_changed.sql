-- When a receivable's stage last moved (issue 22, the "stuck" status: no payment, no stage move and
-- no contact for N days). Set by the stage update only when the stage really changes; rows that exist
-- already start from their last change of any kind.
ALTER TABLE receivables ADD COLUMN IF NOT EXISTS stage_changed_at timestamptz;
UPDATE receivables SET stage_changed_at = updated_at WHERE stage_changed_at IS NULL;
