[ "a\0b" "tab\	tab" ]
