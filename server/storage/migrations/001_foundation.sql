-- Foundation: portals, their tokens, per-portal settings, side-effect keys, audit log.
CREATE TABLE IF NOT EXISTS portals (
  member_id         text PRIMARY KEY,
  domain            text NOT NULL,
  client_endpoint   text NOT NULL,
  server_endpoint   text NOT NULL,
  application_token text,
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disconnected', 'uninstalled')),
  status_reason     text,
  licence_family    text,
  timezone          text NOT NULL DEFAULT 'Europe/Moscow',
  lang              text NOT NULL DEFAULT 'ru',
  app_version       text,
  installed_at      timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS portal_tokens (
  member_id         text PRIMARY KEY REFERENCES portals(member_id) ON DELETE CASCADE,
  access_token_enc  text NOT NULL,
  refresh_token_enc text NOT NULL,
  expires_at        timestamptz NOT NULL,
  user_id           integer,
  scope             text,
  version           integer NOT NULL DEFAULT 1,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS portal_settings (
  member_id  text NOT NULL REFERENCES portals(member_id) ON DELETE CASCADE,
  key        text NOT NULL,
  value      jsonb NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, key)
);

-- Side effects happen once: key = <job>:<member_id>:<natural ids> (server/jobs/keys.ts).
CREATE TABLE IF NOT EXISTS effects (
  key        text PRIMARY KEY,
  member_id  text NOT NULL,
  status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
  result     jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at    timestamptz
);
CREATE INDEX IF NOT EXISTS effects_member_idx ON effects (member_id);

CREATE TABLE IF NOT EXISTS audit_log (
  id         bigserial PRIMARY KEY,
  member_id  text NOT NULL,
  actor      text NOT NULL,
  source     text NOT NULL,
  action     text NOT NULL,
  entity     text,
  entity_id  text,
  details    jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS audit_log_entity_idx ON audit_log (member_id, entity, entity_id);
