// Export (src/export): the documents whose text the graph holds, i.e. the knowledge format's sources.
MATCH (d:Document)
WHERE d.textSha256 IS NOT NULL
RETURN d.id AS document, d.textSha256 AS sha256, d.language AS language
ORDER BY d.id
