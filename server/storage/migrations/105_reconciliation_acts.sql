-- Reconciliation acts (акты сверки) as generated: the period and scope they cover, the totals, and
-- both files, so a link handed to a business process opens exactly the act it announced. The number
-- is unique per legal entity of ours and year.
CREATE TABLE IF NOT EXISTS reconciliation_acts (
  id               bigserial PRIMARY KEY,
  member_id        text NOT NULL,
  counterparty_id  bigint NOT NULL REFERENCES counterparties(id) ON DELETE CASCADE,
  contract_id      bigint REFERENCES contracts(id) ON DELETE SET NULL,
  period_from      date NOT NULL,
  period_to        date NOT NULL,
  entity_inn       text NOT NULL,
  year             integer NOT NULL,
  number           text NOT NULL,
  opening          bigint NOT NULL,
  closing          bigint NOT NULL,
  file_base        text NOT NULL,
  pdf              bytea NOT NULL,
  xlsx             bytea NOT NULL,
  generated_at     timestamptz NOT NULL DEFAULT now(),
  generated_by     text NOT NULL,
  CHECK (period_from <= period_to),
  UNIQUE (member_id, entity_inn, year, number)
);
CREATE INDEX IF NOT EXISTS reconciliation_acts_cp_idx ON reconciliation_acts (member_id, counterparty_id, id DESC);
