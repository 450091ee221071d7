-- One-time links a counterparty's Telegram chat joins by: https://t.me/<bot>?start=<token> (the tab and
-- the invoice e-mail offer it). Only the token's SHA-256 is kept. A token binds one chat once; the
-- chat goes into dunning_counterparties.telegram_chat_id, where the reminders read it.
CREATE TABLE IF NOT EXISTS counterparty_telegram_tokens (
  token_hash      text PRIMARY KEY,
  member_id       text NOT NULL,
  counterparty_id bigint NOT NULL REFERENCES counterparties(id) ON DELETE CASCADE,
  created_by      text NOT NULL,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  used_chat_id    text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS counterparty_telegram_tokens_cp_idx
  ON counterparty_telegram_tokens (member_id, counterparty_id);

-- when the counterparty's chat was linked (null: typed through the API before links, or never)
ALTER TABLE dunning_counterparties ADD COLUMN IF NOT EXISTS telegram_linked_at timestamptz;
