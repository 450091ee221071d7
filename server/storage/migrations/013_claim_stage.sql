-- The stage a claim case was last seen in, so a stage move is acted on once (claim sent, court
-- preparation) and a repeated event is not.
ALTER TABLE claim_cases ADD COLUMN IF NOT EXISTS stage text;
