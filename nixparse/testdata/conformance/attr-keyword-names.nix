{ "let" = 1; "in" = 2; "rec" = 3; "inherit" = 4; "with" = 5; "assert" = 6; "else" = 7; }
