# conformance: modern
# break and __warn are globals of modern Nix, undefined in Nix 2.8.
[ break __warn ]
