-- Key rates read from the Bank of Russia's public web service (the same for every portal): the days
-- the rate changed, and the state of the daily fetch (the last success, the last failure and why).
-- A portal's admin rows (setting penalty.keyRates) still win over these; the built-in table is the base.
CREATE TABLE cbr_key_rates (
  from_date date PRIMARY KEY,
  bp integer NOT NULL CHECK (bp > 0 AND bp <= 10000),
  fetched_at timestamptz NOT NULL
);

CREATE TABLE cbr_key_rate_fetch (
  id integer PRIMARY KEY CHECK (id = 1),
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  -- the first failure since the last success: the admin is told once when it is 3 days old
  failing_since timestamptz
);
