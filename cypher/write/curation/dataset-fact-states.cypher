// The facts a knowledge file loaded before, to diff the file against (what a revised fact was, for its change).
MATCH (f:Fact {dataset: $dataset})
RETURN f.id AS id, f.contentSha256 AS contentSha256, f.retractedIn AS retractedIn, f.rank AS rank,
  f {.type, .statement, .modality, .status} AS content
