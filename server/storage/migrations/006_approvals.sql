-- Approvals (issue 8): one row per request of our Approvals smart process; the route state is a
-- JSON document guarded by a version (conditional update = one decision under concurrency).
CREATE TABLE IF NOT EXISTS approvals (
  id             bigserial PRIMARY KEY,
  member_id      text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  entity_type_id integer NOT NULL,
  item_id        integer NOT NULL,
  pipeline       text NOT NULL CHECK (pipeline IN ('payments', 'contracts')),
  status         text NOT NULL CHECK (status IN ('in-progress', 'rejected', 'done')),
  round          integer NOT NULL DEFAULT 1,
  version        integer NOT NULL DEFAULT 1,
  state          jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, entity_type_id, item_id)
);

-- Events of each committed transition, written in the same transaction; a keyed job applies them
-- to the portal (stage moves, notifications, tasks, timers) after commit.
CREATE TABLE IF NOT EXISTS approval_outbox (
  id          bigserial PRIMARY KEY,
  member_id   text NOT NULL,
  approval_id bigint NOT NULL REFERENCES approvals(id) ON DELETE CASCADE,
  version     integer NOT NULL,
  events      jsonb NOT NULL,
  state       jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  applied_at  timestamptz,
  UNIQUE (approval_id, version)
);
CREATE INDEX IF NOT EXISTS approval_outbox_pending ON approval_outbox (member_id) WHERE applied_at IS NULL;

-- The accounting tasks of a request (ONTASKUPDATE finds its request here).
CREATE TABLE IF NOT EXISTS approval_tasks (
  member_id   text NOT NULL,
  task_id     integer NOT NULL,
  approval_id bigint NOT NULL REFERENCES approvals(id) ON DELETE CASCADE,
  round       integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('main', 'sub')),
  PRIMARY KEY (member_id, task_id)
);

-- Telegram accounts linked to portal users, one-time link codes, and "send the reason" prompts.
CREATE TABLE IF NOT EXISTS telegram_links (
  member_id  text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  user_id    integer NOT NULL,
  chat_id    bigint NOT NULL UNIQUE,
  linked_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, user_id)
);

CREATE TABLE IF NOT EXISTS telegram_link_codes (
  code       text PRIMARY KEY,
  member_id  text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  user_id    integer NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE IF NOT EXISTS telegram_reason_prompts (
  chat_id     bigint PRIMARY KEY,
  member_id   text NOT NULL,
  approval_id bigint NOT NULL REFERENCES approvals(id) ON DELETE CASCADE,
  round       integer NOT NULL,
  step_index  integer NOT NULL,
  expires_at  timestamptz NOT NULL
);
