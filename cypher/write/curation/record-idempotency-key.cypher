CREATE (k:IdempotencyKey {id: $id, requestSha256: $requestSha256, response: $response, revision: $sequence, createdAt: $createdAt})
