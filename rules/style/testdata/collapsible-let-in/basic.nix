{
  a =
    let
      x = 1;
    in
    let # want "^nested let … in: its bindings can join the enclosing let$"
      # about y
      y = x;
    in
    y;
  # The outer binding mentions the inner name: merging would capture it.
  b = z: let w = z; in let z = 2; in w + z;
  # The same name in both.
  c = let v = 1; in let v = 2; in v;
  d = let p = 1; in (let q = p; in q);
  e = let r = 1; in let s = r; in let t = s; in t; # want "^nested let … in" "^nested let … in"
}
