// Every revision after a sequence, in commit order (changes, and the change feed's poll): a range seek.
MATCH (r:Revision)
WHERE r.sequence > $after AND r.sequence < $before
RETURN {{REVISION_PROJECTION}} AS revision
ORDER BY r.sequence {{ORDER}}
LIMIT $limit
