// The latest revision: the log's sequence names it (both are written in the same transaction).
MATCH (log:RevisionLog {id: 'main'})
MATCH (r:Revision {sequence: log.sequence})
RETURN {{REVISION_PROJECTION}} AS revision
