// Which of these fact ids another dataset (or the API: no dataset) already holds: after a load failed on the
// fact-id uniqueness constraint, names the facts that made it fail.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
WHERE coalesce(f.dataset, '') <> $dataset
RETURN f.id AS id
