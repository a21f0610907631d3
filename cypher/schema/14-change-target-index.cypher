// history(id) is a seek on the changed entity's or fact's id, never a scan of every change.
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target)
