[(f)-[:CITED_BY]->(c) | c {.*}]
