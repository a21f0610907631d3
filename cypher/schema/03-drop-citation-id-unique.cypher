// Citation ids are their fact's id plus a position, so the fact's constraint already makes them unique, and
// nothing looks a citation up by id: the constraint's index only cost every import an index write per citation.
DROP CONSTRAINT citation_id_unique IF EXISTS
