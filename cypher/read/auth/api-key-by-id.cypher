// The key a bearer names (by the id inside it), with its secret's hash for the comparison.
MATCH (k:ApiKey {id: $id})
RETURN k.id AS id, k.name AS name, k.scope AS scope, k.secretSha256 AS secretSha256, k.createdAt AS createdAt, k.revokedAt AS revokedAt
