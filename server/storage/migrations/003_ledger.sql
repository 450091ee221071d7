-- Ledger: counterparty -> contract -> receivable -> payments. The source of truth for money.
-- Every table is keyed by member_id and every query filters by it.
CREATE TABLE IF NOT EXISTS counterparties (
  id          bigserial PRIMARY KEY,
  member_id   text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  entity_type text NOT NULL CHECK (entity_type IN ('company', 'contact')),
  entity_id   integer NOT NULL CHECK (entity_id > 0),
  name        text NOT NULL DEFAULT '',
  inn         text,
  kpp         text,
  email       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, entity_type, entity_id)
);

CREATE TABLE IF NOT EXISTS contracts (
  id                 bigserial PRIMARY KEY,
  member_id          text NOT NULL,
  counterparty_id    bigint NOT NULL REFERENCES counterparties(id) ON DELETE CASCADE,
  number             text NOT NULL,
  contract_date      date,
  legal_entity       text,
  payment_terms_days integer CHECK (payment_terms_days IS NULL OR payment_terms_days BETWEEN 0 AND 3650),
  penalty_terms      jsonb,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, counterparty_id, number)
);

CREATE TABLE IF NOT EXISTS receivables (
  id                  bigserial PRIMARY KEY,
  member_id           text NOT NULL,
  counterparty_id     bigint NOT NULL REFERENCES counterparties(id) ON DELETE CASCADE,
  contract_id         bigint REFERENCES contracts(id) ON DELETE SET NULL,
  item_id             integer,
  invoice_number      text NOT NULL,
  invoice_date        date NOT NULL,
  due_date            date NOT NULL,
  -- the due date moved to the next working day (art. 193 Civil Code) in the portal's calendar
  effective_due_date  date NOT NULL,
  amount              bigint NOT NULL CHECK (amount > 0),
  currency            text NOT NULL DEFAULT 'RUB' CHECK (currency ~ '^[A-Z]{3}$'),
  paid                bigint NOT NULL DEFAULT 0,
  remaining           bigint GENERATED ALWAYS AS (GREATEST(amount - paid, 0)) STORED,
  last_payment_on     date,
  last_payment_amount bigint,
  stage               text NOT NULL DEFAULT 'NEW',
  manual_stage        boolean NOT NULL DEFAULT false,
  overdue_applied     boolean NOT NULL DEFAULT false,
  responsible_id      integer,
  version             integer NOT NULL DEFAULT 1,
  created_by          text NOT NULL,
  created_source      text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (due_date >= invoice_date)
);
CREATE UNIQUE INDEX IF NOT EXISTS receivables_item_uq ON receivables (member_id, item_id) WHERE item_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS receivables_cp_due_idx ON receivables (member_id, counterparty_id, effective_due_date, id);
CREATE INDEX IF NOT EXISTS receivables_cp_invoice_idx ON receivables (member_id, counterparty_id, invoice_date, id);
CREATE INDEX IF NOT EXISTS receivables_cp_number_idx ON receivables (member_id, counterparty_id, invoice_number);
CREATE INDEX IF NOT EXISTS receivables_open_idx ON receivables (member_id, effective_due_date) WHERE remaining > 0;
CREATE INDEX IF NOT EXISTS receivables_contract_idx ON receivables (member_id, contract_id);

CREATE TABLE IF NOT EXISTS payments (
  id              bigserial PRIMARY KEY,
  member_id       text NOT NULL,
  receivable_id   bigint NOT NULL REFERENCES receivables(id) ON DELETE CASCADE,
  amount          bigint NOT NULL CHECK (amount <> 0),
  paid_on         date NOT NULL,
  source          text NOT NULL CHECK (source IN ('manual', 'bank-statement', 'robot', 'api', 'reversal')),
  source_ref      text NOT NULL,
  reversal_of     bigint REFERENCES payments(id),
  comment         text,
  actor           text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, source_ref)
);
CREATE UNIQUE INDEX IF NOT EXISTS payments_reversal_uq ON payments (reversal_of) WHERE reversal_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS payments_receivable_idx ON payments (member_id, receivable_id, id);
