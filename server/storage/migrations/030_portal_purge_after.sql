-- ONAPPUNINSTALL with CLEAN=1 no longer deletes at once: the portal's data is kept until purge_after
-- (the uninstall time plus the grace period, B24_UNINSTALL_GRACE_DAYS); a reinstall before then clears
-- it and everything is back. The schedule tick queues the purge of portals past their date.
ALTER TABLE portals ADD COLUMN IF NOT EXISTS purge_after timestamptz;
CREATE INDEX IF NOT EXISTS portals_purge_after_idx ON portals (purge_after) WHERE purge_after IS NOT NULL;
