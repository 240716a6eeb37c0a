let
  used = 1;
  unused = 2; # want "^let binding unused is never used$"
  # This comment stays when the binding below goes.
  alsoUnused = used; # want "^let binding alsoUnused is never used$"
  _ignored = 3;
  merged.a = 1; # want "^let binding merged is never used$"
  merged.b = 2;
  "quoted name" = 4; # want "^let binding quoted name is never used$"
in
used
