-- The same payment reported through the payments API and in a bank statement is recorded once: a
-- statement line that repeats an API line (same payer INN, document number and amount, dates at
-- most 5 days apart) is kept as a dismissed line pointing at it. Both directions are one indexed
-- lookup by payer INN, amount and the number's digits (a coarse key: the app compares the numbers
-- exactly, trimmed, in any case, without leading zeros): per import for a statement, per call for the API.
ALTER TABLE statement_lines ADD COLUMN IF NOT EXISTS duplicate_of bigint REFERENCES statement_lines(id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS statement_lines_payer_amount_idx ON statement_lines (member_id, payer_inn, amount, (ltrim(regexp_replace(doc_number, '[^0-9]', '', 'g'), '0'))) WHERE payer_inn IS NOT NULL;
CREATE INDEX IF NOT EXISTS statement_lines_duplicate_of_idx ON statement_lines (duplicate_of) WHERE duplicate_of IS NOT NULL;
