-- The images of our legal entities printed on invoices: the logo, the signature and the stamp,
-- one of each kind per entity (by INN), uploaded on the admin page (PNG or JPEG, size-limited).
CREATE TABLE IF NOT EXISTS legal_entity_images (
  member_id   text NOT NULL,
  inn         text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('logo', 'signature', 'stamp')),
  mime        text NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
  data        bytea NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL,
  PRIMARY KEY (member_id, inn, kind)
);
