-- Bank statements: each uploaded file, and each of its documents once per portal (the line key is
-- our account + number + date + amount + payer INN + direction), so a second import records nothing.
CREATE TABLE IF NOT EXISTS statement_imports (
  id           bigserial PRIMARY KEY,
  member_id    text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  file_name    text NOT NULL,
  format       text NOT NULL,
  sha256       text NOT NULL,
  size_bytes   integer NOT NULL,
  uploaded_by  text NOT NULL,
  status       text NOT NULL DEFAULT 'processing' CHECK (status IN ('processing', 'done', 'failed')),
  documents    integer NOT NULL DEFAULT 0,
  incoming     integer NOT NULL DEFAULT 0,
  outgoing     integer NOT NULL DEFAULT 0,
  duplicates   integer NOT NULL DEFAULT 0,
  processed    integer NOT NULL DEFAULT 0,
  matched      integer NOT NULL DEFAULT 0,
  review       integer NOT NULL DEFAULT 0,
  balances     jsonb NOT NULL DEFAULT '[]',
  warnings     jsonb NOT NULL DEFAULT '[]',
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX IF NOT EXISTS statement_imports_member_idx ON statement_imports (member_id, id DESC);

CREATE TABLE IF NOT EXISTS statement_lines (
  id              bigserial PRIMARY KEY,
  member_id       text NOT NULL,
  import_id       bigint NOT NULL REFERENCES statement_imports(id) ON DELETE CASCADE,
  line_key        text NOT NULL,
  position        integer NOT NULL,
  direction       text NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'unknown')),
  doc_number      text NOT NULL,
  value_date      date,
  amount          bigint NOT NULL CHECK (amount > 0),
  payer_inn       text,
  payer_kpp       text,
  payer_name      text NOT NULL DEFAULT '',
  purpose         text NOT NULL DEFAULT '',
  status          text NOT NULL CHECK (status IN ('pending', 'matched', 'review', 'assigned', 'dismissed', 'skipped')),
  rule            text,
  reason          text,
  counterparty_id bigint,
  candidates      jsonb NOT NULL DEFAULT '[]',
  allocations     jsonb NOT NULL DEFAULT '[]',
  resolved_by     text,
  resolved_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, line_key)
);
CREATE INDEX IF NOT EXISTS statement_lines_import_idx ON statement_lines (import_id, status, position);
CREATE INDEX IF NOT EXISTS statement_lines_review_idx ON statement_lines (member_id, status, id) WHERE status = 'review';
