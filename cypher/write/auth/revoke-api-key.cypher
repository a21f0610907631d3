// Revokes a key once: a second revocation keeps the first time. No row when there is no such key.
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $revokedAt)
RETURN k.id AS id, k.name AS name, k.scope AS scope, k.createdAt AS createdAt, k.revokedAt AS revokedAt
