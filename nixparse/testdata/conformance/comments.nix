# a comment
/* block */ { /* inner */ a = 1; # trailing
  b = /* x */ 2; }
