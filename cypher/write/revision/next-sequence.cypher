// The first statement of every write transaction: the log's write lock is held until commit, so writes commit
// one after another and the sequence order is the commit order (docs/curation-model.md).
MERGE (log:RevisionLog {id: 'main'})
ON CREATE SET log.sequence = 0
SET log.sequence = log.sequence + 1
RETURN log.sequence AS sequence
