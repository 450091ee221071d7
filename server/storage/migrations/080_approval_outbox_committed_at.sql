-- The app-clock moment a transition was committed (compared with the portal's movedTime, both business
-- time); created_at stays the database's clock, which only measures how long a row has waited.
ALTER TABLE approval_outbox ADD COLUMN committed_at timestamptz;
