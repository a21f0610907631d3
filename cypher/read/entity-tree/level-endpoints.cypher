// The distinct entities at the {{side}} of {{relations}}: the owners of the next level.
CALL {
  WITH {{relations}}
  UNWIND {{relations}} AS r
  WITH DISTINCT {{side}}(r) AS n
  RETURN collect(n) AS {{owners}}
}
