// The mutable state of facts (rank, retraction) and what a write compares (revision, content hash).
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN id, f.revision AS revision, f.rank AS rank, f.rankHistory AS rankHistory, f.retractedIn AS retractedIn,
  f.dataset AS dataset, f.contentSha256 AS contentSha256
