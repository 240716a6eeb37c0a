# Not a module: set values are ordinary functions, also in the modules
# list of a call, where only the modules' own values may be modules.
{ nixpkgs }:
{
  host = nixpkgs.lib.nixosSystem {
    modules = [ { x = { ... }: 1; } ];
    extra = { ... }: 2; # want "^empty pattern"
  };
  const = { ... }: 1; # want "^empty pattern"
}
