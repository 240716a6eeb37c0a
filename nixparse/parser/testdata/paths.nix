# Paths, lookup paths and URIs.
{ x }:
[
  ./relative
  ../up/one
  a/b
  a.b/c-d+e_f
  /absolute/path
  ~/home/file
  ./${x}
  ./a/${x}
  ./a/${x}/b
  ./a${x}b
  ~/${x}/y
  /a/${x}${x}
  <nixpkgs>
  <nixpkgs/lib>
  http://example.org/a?b=c&d
  x:x
  mirror://gnu/hello.tar.gz
  (./a)
  (1/2)
]
