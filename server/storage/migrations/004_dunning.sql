-- Dunning: per-receivable and per-counterparty dunning state (the ledger's tables stay untouched),
-- the log of every reminder/escalation step (one row per step: the planner's "done" list), and
-- Telegram chats of employees. Every table is keyed by member_id.
CREATE TABLE IF NOT EXISTS dunning_receivables (
  member_id            text NOT NULL,
  receivable_id        bigint NOT NULL REFERENCES receivables(id) ON DELETE CASCADE,
  risk_segment         text CHECK (risk_segment IS NULL OR risk_segment IN ('low', 'normal', 'high')),
  do_not_dun           boolean NOT NULL DEFAULT false,
  paused_until         date,
  pause_reason         text,
  promised_date        date,
  promised_amount      bigint CHECK (promised_amount IS NULL OR promised_amount > 0),
  promise_recorded_on  date,
  remaining_at_promise bigint,
  override             jsonb,
  claim_item_id        integer,
  claim_sent_on        date,
  next_reminder_date   date,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, receivable_id)
);

CREATE TABLE IF NOT EXISTS dunning_counterparties (
  member_id         text NOT NULL,
  counterparty_id   bigint NOT NULL REFERENCES counterparties(id) ON DELETE CASCADE,
  segment           text,
  risk_segment      text CHECK (risk_segment IS NULL OR risk_segment IN ('low', 'normal', 'high')),
  do_not_dun        boolean NOT NULL DEFAULT false,
  override          jsonb,
  telegram_chat_id  text,
  timezone          text,
  lang              text CHECK (lang IS NULL OR lang IN ('ru', 'en')),
  status            text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'overdue', 'escalated', 'claim')),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, counterparty_id)
);

CREATE TABLE IF NOT EXISTS dunning_log (
  id             bigserial PRIMARY KEY,
  member_id      text NOT NULL,
  receivable_id  bigint NOT NULL REFERENCES receivables(id) ON DELETE CASCADE,
  step_key       text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('reminder', 'escalation', 'manual')),
  status         text NOT NULL CHECK (status IN ('sent', 'skipped')),
  on_date        date NOT NULL,
  detail         jsonb,
  actor          text NOT NULL DEFAULT 'system',
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, receivable_id, step_key)
);
CREATE INDEX IF NOT EXISTS dunning_log_day_idx ON dunning_log (member_id, on_date);

CREATE TABLE IF NOT EXISTS dunning_employee_chats (
  member_id         text NOT NULL,
  user_id           integer NOT NULL CHECK (user_id > 0),
  telegram_chat_id  text NOT NULL,
  PRIMARY KEY (member_id, user_id)
);
