-- The metrics of each worker process (prom-client JSON), written every few seconds by the worker and
-- added up with the HTTP process's own by GET /metrics: the workers have no HTTP port to scrape.
CREATE TABLE IF NOT EXISTS metrics_snapshots (
  process_id text PRIMARY KEY,
  metrics    jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
