// The as-of entity: the versions of one entity, found by its id.
CREATE INDEX entity_version_entity IF NOT EXISTS FOR (v:EntityVersion) ON (v.entity)
