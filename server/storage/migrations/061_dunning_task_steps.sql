-- Task steps of a reminder ladder (issue 26): a task for the responsible employee or a role at any
-- offset from the due day. The step is logged once in dunning_log (kind 'task'); the task it created
-- is tracked here until it is done or closed by the app (invoice paid or paused), with the reason.
ALTER TABLE dunning_log DROP CONSTRAINT IF EXISTS dunning_log_kind_check;
ALTER TABLE dunning_log ADD CONSTRAINT dunning_log_kind_check CHECK (kind IN ('reminder', 'escalation', 'manual', 'task'));

CREATE TABLE IF NOT EXISTS dunning_step_tasks (
  member_id      text NOT NULL,
  receivable_id  bigint NOT NULL REFERENCES receivables(id) ON DELETE CASCADE,
  step_key       text NOT NULL,
  task_id        integer NOT NULL,
  created_on     date NOT NULL,
  closed_on      date,
  close_reason   text CHECK (close_reason IS NULL OR close_reason IN ('paid', 'paused', 'done')),
  PRIMARY KEY (member_id, receivable_id, step_key)
);
CREATE INDEX IF NOT EXISTS dunning_step_tasks_open_idx ON dunning_step_tasks (member_id) WHERE closed_on IS NULL;
