// Revisions for a batch of sequences (the revision DataLoader), a seek each on the sequence constraint.
UNWIND $sequences AS sequence
MATCH (r:Revision {sequence: sequence})
RETURN {{REVISION_PROJECTION}} AS revision
