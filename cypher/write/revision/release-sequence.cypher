// A write that turned out to change nothing gives its sequence number back (the log is still locked by this
// transaction), so that sequences stay gapless: every number is a revision.
MATCH (log:RevisionLog {id: 'main'})
WHERE log.sequence = $sequence
SET log.sequence = $sequence - 1
RETURN log.sequence AS sequence
