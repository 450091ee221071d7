-- Review before sending (issue 24 item 8): in the risk segments the admin chose, the morning's reminder
-- of a counterparty waits here (its invoices, step, channels and rendered text) until a person sends,
-- skips or edits it, or the release hour sends it. One line per counterparty per day; a line leaves
-- 'pending' once (compare-and-set), so it is sent or skipped at most once.
CREATE TABLE IF NOT EXISTS dunning_review (
  id                 bigserial PRIMARY KEY,
  member_id          text NOT NULL,
  counterparty_id    bigint NOT NULL REFERENCES counterparties(id) ON DELETE CASCADE,
  day                date NOT NULL,
  status             text NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'approved', 'skipped', 'dropped', 'expired')),
  message            jsonb NOT NULL,
  edited             boolean NOT NULL DEFAULT false,
  decided_by         text,
  decided_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, counterparty_id, day)
);
CREATE INDEX IF NOT EXISTS dunning_review_pending_idx ON dunning_review (member_id, day) WHERE status = 'pending';
