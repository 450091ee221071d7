-- Print forms of the recovery stages: one template per portal and stage (a DOCX with {{variables}}
-- the app fills, or a PDF given as it is), uploaded in the admin page.
CREATE TABLE IF NOT EXISTS stage_templates (
  member_id    text NOT NULL,
  stage        text NOT NULL,
  file_name    text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('docx', 'pdf')),
  data         bytea NOT NULL,
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, stage)
);
