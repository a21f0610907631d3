// Facts for a batch of ids as of $asOf: the version (:Fact, or a :FactVersion it replaced) that existed then.
UNWIND $ids AS id
CALL {
  WITH id
  MATCH (f:Fact {id: id}) RETURN f
  UNION
  WITH id
  MATCH (f:FactVersion {versionOf: id}) RETURN f
}
WITH id, f
WHERE coalesce(f.created, 0) <= $asOf AND (f.until IS NULL OR f.until > $asOf)
RETURN {fact: {{FACT_PROJECTION}}, edges: {{FACT_EDGES}}, rank: {{RANK_AS_OF}}} AS fact
