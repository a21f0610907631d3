CREATE (r:Revision {sequence: $sequence, id: 'r' + toString($sequence), committedAt: $committedAt, authorKind: $authorKind, author: $author, summary: $summary})
RETURN r.id AS id
