// Where merged ids lead: one hop each (the repository follows chains). Asked only for ids with no entity.
UNWIND $ids AS id
MATCH (r:Redirect {id: id})
RETURN id, r.mergedInto AS mergedInto, r.mergedIn AS mergedIn
