-- What the install reconciler created in each portal (per-portal ids of our processes, fields, stages).
CREATE TABLE IF NOT EXISTS install_state (
  member_id  text PRIMARY KEY REFERENCES portals(member_id) ON DELETE CASCADE,
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
