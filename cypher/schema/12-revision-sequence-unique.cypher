CREATE CONSTRAINT revision_sequence_unique IF NOT EXISTS FOR (r:Revision) REQUIRE r.sequence IS UNIQUE
