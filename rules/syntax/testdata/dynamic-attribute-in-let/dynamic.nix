let # want "dynamic attributes not allowed in let"
  name = "port";
  ${name} = 8080;
  ${"static"} = 1;
  "quoted" = 2;
  inherit ({ }) ${name}; # want "dynamic attributes not allowed in inherit"
in
{
  ${name} = 1;
  inherit name;
  nested = let ok = 1; in ok;
}
