// After a bulk import (src/knowledge/bulk): neo4j-admin stores no empty array (an empty CSV field is no
// property) and no empty string inside one, but the write statements store an entity's empty alias lists as []
// and an alias without a language as ''. Every entity and entity version of a knowledge file has both lists, so
// the ones the import left out are empty ones; empty elements were written as $empty and are set back to ''.
MATCH (e)
WHERE (e:Entity OR e:EntityVersion)
  AND (e.aliasTexts IS NULL OR $empty IN e.aliasTexts OR $empty IN e.aliasLanguages)
SET e.aliasTexts = [t IN coalesce(e.aliasTexts, []) | CASE t WHEN $empty THEN '' ELSE t END],
    e.aliasLanguages = [l IN coalesce(e.aliasLanguages, []) | CASE l WHEN $empty THEN '' ELSE l END]
RETURN count(e) AS written
