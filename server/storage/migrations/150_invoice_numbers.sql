-- Invoice numbers are unique per our legal entity and calendar year of the invoice date (issue 23).
-- Which entity issued an invoice is not a column: it is the one its contract names, else the default
-- (as on the printed invoice), so the check runs in create-receivable.ts under a transaction-scoped
-- advisory lock per portal and number; invoices mirrored from the portal are never refused, their
-- clash is shown on the invoice card. This index finds the invoices with one number (trimmed, any
-- letter case) in one year of a portal.
CREATE INDEX IF NOT EXISTS receivables_number_year_idx
  ON receivables (member_id, (lower(trim(invoice_number))), invoice_date);
