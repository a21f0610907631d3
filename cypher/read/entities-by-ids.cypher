// Entities for a batch of ids (one round trip per DataLoader batch). The document text is left out: it is fetched only when asked.
// An id merged away (a :Redirect) answers, in the same round trip, the entity it was merged into (`entity.id`
// then differs from `id`); when that one was merged away too, `mergedInto` says where to look next.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (redirect:Redirect {id: id})
OPTIONAL MATCH (survivor:Entity {id: redirect.mergedInto})
WITH id, coalesce(e, survivor) AS found, redirect
WHERE found IS NOT NULL OR redirect IS NOT NULL
RETURN id, found { {{ENTITY_PROPERTIES}} } AS entity, CASE WHEN found IS NULL THEN redirect.mergedInto END AS mergedInto
