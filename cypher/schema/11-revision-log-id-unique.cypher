CREATE CONSTRAINT revision_log_id_unique IF NOT EXISTS FOR (l:RevisionLog) REQUIRE l.id IS UNIQUE
