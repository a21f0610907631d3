CREATE INDEX fact_dataset IF NOT EXISTS FOR (f:Fact) ON (f.dataset)
