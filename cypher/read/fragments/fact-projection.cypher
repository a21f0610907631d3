f {
  .*,
  quantities: {{quantities}},
  citations: {{citations}},
  participants: {{participants}}
}
