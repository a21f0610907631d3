CREATE CONSTRAINT idempotency_key_id_unique IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.id IS UNIQUE
