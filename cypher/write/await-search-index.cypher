// Waits until the eventually consistent full-text index has taken in everything committed so far.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
