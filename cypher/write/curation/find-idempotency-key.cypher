MATCH (k:IdempotencyKey {id: $id})
RETURN k.requestSha256 AS requestSha256, k.response AS response
