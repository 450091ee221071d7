-- Claim work: one case per Claim Work item (debt recovery or customer compensation), the payout
-- tranches of a compensation (each with the accountant's task), and the claim letters generated.
CREATE TABLE IF NOT EXISTS claim_cases (
  id                  bigserial PRIMARY KEY,
  member_id           text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  item_id             integer NOT NULL CHECK (item_id > 0),
  kind                text NOT NULL CHECK (kind IN ('recovery', 'payout')),
  title               text NOT NULL DEFAULT '',
  counterparty_name   text,
  assigned_by_id      integer,
  totals_comment_id   integer,
  completion_task_id  integer,
  synced_totals       text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, item_id)
);

CREATE TABLE IF NOT EXISTS claim_tranches (
  id          bigserial PRIMARY KEY,
  member_id   text NOT NULL,
  case_id     bigint NOT NULL REFERENCES claim_cases(id) ON DELETE CASCADE,
  deadline    date NOT NULL,
  amount      bigint NOT NULL CHECK (amount > 0),
  status      text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'paid')),
  paid_on     date,
  paid_by     integer,
  task_id     integer,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS claim_tranches_case_idx ON claim_tranches (case_id);
CREATE INDEX IF NOT EXISTS claim_tranches_task_idx ON claim_tranches (member_id, task_id);

CREATE TABLE IF NOT EXISTS claim_letters (
  id            bigserial PRIMARY KEY,
  member_id     text NOT NULL,
  case_id       bigint NOT NULL REFERENCES claim_cases(id) ON DELETE CASCADE,
  file_name     text NOT NULL,
  pdf           bytea NOT NULL,
  total         bigint NOT NULL,
  generated_at  timestamptz NOT NULL DEFAULT now(),
  generated_by  text NOT NULL
);
CREATE INDEX IF NOT EXISTS claim_letters_case_idx ON claim_letters (case_id, generated_at DESC);
