// The knowledge version as one number, for HTTP validators (src/http/http-cache.ts): one indexed lookup, read
// before the operation runs, so an ETag never names a newer version than its answer. 0 before the first write.
OPTIONAL MATCH (log:RevisionLog {id: 'main'})
RETURN coalesce(log.sequence, 0) AS sequence
