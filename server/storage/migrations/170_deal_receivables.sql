-- Deals and smart invoices as the source of receivables (issue 24 item 1).
-- A contract's payment terms count in calendar days (as before) or in working days of the portal's
-- production calendar.
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS payment_terms_kind text NOT NULL DEFAULT 'calendar'
  CHECK (payment_terms_kind IN ('calendar', 'working'));
-- One receivable per source object: the deal (entity type 2) or smart invoice (31) it was made from.
-- The unique key is what makes "created once" hold under duplicated events and retried jobs: the
-- receivable and this row are inserted in one transaction. `amount` is the source's amount the
-- receivable last followed (kopecks); `frozen_amount` the amount a change after sending was refused at
-- (logged once per value).
CREATE TABLE IF NOT EXISTS source_receivables (
  member_id text NOT NULL,
  source_type integer NOT NULL CHECK (source_type IN (2, 31)),
  source_id bigint NOT NULL,
  receivable_id bigint NOT NULL REFERENCES receivables (id) ON DELETE CASCADE,
  amount bigint NOT NULL,
  frozen_amount bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, source_type, source_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS source_receivables_receivable_uq ON source_receivables (receivable_id);
