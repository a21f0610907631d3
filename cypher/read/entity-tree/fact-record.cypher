fact {.*, referenced: {{referenced}}}
