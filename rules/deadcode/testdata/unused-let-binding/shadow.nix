let
  shadowed = 1; # want "^let binding shadowed is never used$"
  _private = 2;
in
{
  a = let shadowed = 2; in shadowed;
  b = shadowed: shadowed;
}
