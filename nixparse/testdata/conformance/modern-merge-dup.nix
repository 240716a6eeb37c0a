# conformance: modern
# A nested duplicate inside merged sets: modern Nix reports 'x.z' at the inner z.
{
  x.z = 3;
  x = { y = 3; z = 3; };
}
