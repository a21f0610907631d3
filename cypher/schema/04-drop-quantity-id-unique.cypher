// Quantity ids are their fact's id plus a position (unique through the fact's constraint) and are never looked
// up: the constraint's index only cost every import an index write per quantity.
DROP CONSTRAINT quantity_id_unique IF EXISTS
