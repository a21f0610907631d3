[(f)-[:HAS_QUANTITY]->(q) | q {.*}]
