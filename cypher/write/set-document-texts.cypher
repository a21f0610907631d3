UNWIND $rows AS row
MATCH (d:Entity {id: row.id})
SET d.text = row.text, d.textSha256 = row.sha256, d.language = row.language
