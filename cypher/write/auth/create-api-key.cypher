// A new API key: only the SHA-256 of its secret is stored. CREATE (not MERGE): the unique constraint refuses
// a reused id instead of overwriting a key.
CREATE (k:ApiKey {id: $id, name: $name, scope: $scope, secretSha256: $secretSha256, createdAt: $createdAt, revokedAt: null})
RETURN k.id AS id, k.name AS name, k.scope AS scope, k.createdAt AS createdAt, k.revokedAt AS revokedAt
