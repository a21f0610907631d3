// Every key, oldest first, never its secret's hash.
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.scope AS scope, k.createdAt AS createdAt, k.revokedAt AS revokedAt
ORDER BY k.createdAt, k.id
