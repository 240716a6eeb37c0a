let "let" = 1; "in" = 2; "assert" = 3; "inherit" = 4; in 1
