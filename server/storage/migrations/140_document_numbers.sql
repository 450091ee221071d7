-- The numbers of the documents the app makes (reconciliation act, claim letter, statement of claim):
-- sequential per our legal entity (INN) and calendar year in the portal's timezone, assigned once per
-- document. document_number_seqs holds the last number given in each series; its row is locked while
-- a number is taken, so two requests at once get two consecutive numbers. document_numbers remembers
-- which document (doc_key) got which number, so a retry or a regeneration of the same document gets
-- the same number back; the unique constraints make a duplicate impossible whatever the code does.
CREATE TABLE IF NOT EXISTS document_number_seqs (
  member_id   text NOT NULL,
  kind        text NOT NULL,
  entity_inn  text NOT NULL,
  year        integer NOT NULL,
  last_seq    integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  PRIMARY KEY (member_id, kind, entity_inn, year)
);
CREATE TABLE IF NOT EXISTS document_numbers (
  member_id    text NOT NULL,
  kind         text NOT NULL,
  doc_key      text NOT NULL,
  entity_inn   text NOT NULL,
  year         integer NOT NULL,
  seq          integer NOT NULL CHECK (seq > 0),
  number       text NOT NULL,
  assigned_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, kind, doc_key),
  UNIQUE (member_id, kind, entity_inn, year, seq),
  UNIQUE (member_id, kind, entity_inn, year, number)
);
-- a regenerated act keeps its number, so several stored versions of one act share it now; the
-- uniqueness lives in document_numbers
ALTER TABLE reconciliation_acts DROP CONSTRAINT IF EXISTS reconciliation_acts_member_id_entity_inn_year_number_key;
-- the claim letter's printed number, stored (older letters have none: their number was made of ids)
ALTER TABLE claim_letters ADD COLUMN IF NOT EXISTS number text;
