-- Contract status kept by the app from the money (issue 26): active, overdue (with the oldest days),
-- claim (a claim case open on any of its invoices), settled, closed (by a person, with a date and a
-- reason). Each change is one row of the contract's history; the company card's field holds the worst
-- status of the company's contracts, and the counterparty remembers the value last written there.
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active'
  CHECK (status IN ('active', 'overdue', 'claim', 'settled', 'closed'));
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS oldest_days integer NOT NULL DEFAULT 0 CHECK (oldest_days >= 0);
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS closed_on date;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS closed_reason text;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS closed_by text;

CREATE TABLE IF NOT EXISTS contract_status_history (
  id           bigserial PRIMARY KEY,
  member_id    text NOT NULL,
  contract_id  bigint NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  from_status  text NOT NULL,
  to_status    text NOT NULL,
  oldest_days  integer NOT NULL DEFAULT 0,
  on_date      date NOT NULL,
  actor        text NOT NULL,
  reason       text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS contract_status_history_idx ON contract_status_history (member_id, contract_id, id);

ALTER TABLE counterparties ADD COLUMN IF NOT EXISTS card_contract_status text;
