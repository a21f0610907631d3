// The as-of fact: the earlier versions of one fact id.
CREATE INDEX fact_version_of IF NOT EXISTS FOR (v:FactVersion) ON (v.versionOf)
