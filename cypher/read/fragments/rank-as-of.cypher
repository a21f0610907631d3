CASE WHEN f.rankHistory IS NULL THEN coalesce(f.rank, 'NORMAL')
  ELSE coalesce(last([x IN apoc.convert.fromJsonList(f.rankHistory) WHERE x.revision <= $asOf | x.rank]), 'NORMAL') END
