// After a bulk import (src/knowledge/bulk): neo4j-admin stores no empty array (an empty CSV field is no
// property), but the write statements store an entity's empty alias lists as []. Every entity and entity version
// of a knowledge file has both lists, so the ones the import left out are empty ones.
MATCH (e)
WHERE (e:Entity OR e:EntityVersion) AND e.aliasTexts IS NULL
SET e.aliasTexts = [], e.aliasLanguages = []
RETURN count(e) AS written
