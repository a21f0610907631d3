{{entity}} {.*, text: null{{nested}}}
