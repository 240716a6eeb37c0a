# conformance: modern
# Pipe operators (modern Nix, experimental): a syntax error in Nix 2.8.
f: x: [ (x |> f) (f <| x) (x |> f |> f) (f <| f <| x) ]
