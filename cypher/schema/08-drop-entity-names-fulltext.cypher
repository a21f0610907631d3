// The first full-text index was updated inside every load's commit; entity_search (09) replaces it.
DROP INDEX entity_names IF EXISTS
