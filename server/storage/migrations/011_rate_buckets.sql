-- The per-portal leaky bucket shared by every app instance (PostgreSQL mode).
CREATE TABLE IF NOT EXISTS rate_buckets (
  member_id  text PRIMARY KEY,
  level      double precision NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
