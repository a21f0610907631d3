// Export (src/export): the knowledge files loaded, naming the export of a graph that holds one.
MATCH (d:Dataset)
RETURN d.id AS id, d.title AS title
ORDER BY d.id
