-- Debt-recovery cases: the settlement schedule's baseline (what the debtor had paid on the case's
-- invoices when the schedule was agreed; later payments cover its tranches in deadline order), the
-- court case number as the portal holds it (normalised, for binding incoming court e-mails), and the
-- e-mails bound to a case by that number (each e-mail once per case).
ALTER TABLE claim_cases ADD COLUMN IF NOT EXISTS settlement_baseline bigint;
ALTER TABLE claim_cases ADD COLUMN IF NOT EXISTS court_case text;
CREATE INDEX IF NOT EXISTS claim_cases_court_case_idx ON claim_cases (member_id, court_case) WHERE court_case IS NOT NULL;

CREATE TABLE IF NOT EXISTS claim_mail_links (
  member_id    text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  activity_id  integer NOT NULL CHECK (activity_id > 0),
  case_id      bigint NOT NULL REFERENCES claim_cases(id) ON DELETE CASCADE,
  case_number  text NOT NULL,
  subject      text NOT NULL DEFAULT '',
  received_at  timestamptz,
  bound_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, activity_id, case_id)
);
CREATE INDEX IF NOT EXISTS claim_mail_links_case_idx ON claim_mail_links (case_id, received_at DESC);
