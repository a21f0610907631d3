// The last revision committed at or before $time (0 when none): revisions commit in sequence order.
OPTIONAL MATCH (r:Revision)
WHERE datetime(toString(r.committedAt)) <= datetime($time)
RETURN coalesce(max(r.sequence), 0) AS sequence
