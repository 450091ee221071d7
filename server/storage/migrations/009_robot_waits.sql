-- Robots that wait (USE_SUBSCRIPTION): the business process holds until we send bizproc.event.send.
-- One row per waiting robot call; deleted when its result has been sent.
CREATE TABLE IF NOT EXISTS robot_waits (
  member_id    text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  event_token  text NOT NULL,
  code         text NOT NULL,
  kind         text NOT NULL,
  ref          text NOT NULL,
  data         jsonb NOT NULL,
  deadline     timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, event_token)
);
CREATE INDEX IF NOT EXISTS robot_waits_ref_idx ON robot_waits (member_id, kind, ref);
