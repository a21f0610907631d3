MATCH (d:Dataset {id: $dataset})
SET d += $props
