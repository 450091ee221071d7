-- Admin: per-portal API keys for accounting systems (POST /api/v1/payments). Only a SHA-256 of the
-- key is stored; the key itself is shown once, when it is created.
CREATE TABLE IF NOT EXISTS api_keys (
  id           bigserial PRIMARY KEY,
  member_id    text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  name         text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX IF NOT EXISTS api_keys_member_idx ON api_keys (member_id, id);
