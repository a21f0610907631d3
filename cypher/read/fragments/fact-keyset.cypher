(rankKey > $afterRank OR (rankKey = $afterRank AND f.id > $afterId))
  AND (rankKey < $beforeRank OR (rankKey = $beforeRank AND f.id < $beforeId))
