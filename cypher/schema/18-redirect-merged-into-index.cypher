// Chains of merges: the redirects that point at an id.
CREATE INDEX redirect_merged_into IF NOT EXISTS FOR (r:Redirect) ON (r.mergedInto)
