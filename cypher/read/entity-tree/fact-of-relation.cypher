COLLECT { MATCH ({{fact}}:Fact {id: {{relation}}.factId}) RETURN {{factProjection}} }[0]
