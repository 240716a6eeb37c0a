// Package printer prints Nix syntax trees in the canonical form of
// `nix-instantiate --parse` (Nix 2.8.0): fully parenthesised, operators
// desugared the way Nix's parser desugars them (a - b is (__sub a b),
// a < b is (__lessThan a b), -x is (__sub 0 x), <p> is
// (__findFile __nixPath "p")), attribute paths merged into nested sets,
// attributes sorted by name, paths made absolute, strings as
// concatenations.
//
// Two choices differ from Nix 2.8's own output, on purpose:
//
//   - Nix 2.8 prints lambda formals and let bindings in an order that
//     depends on memory addresses; they are printed sorted by name here
//     (the conformance test sorts Nix's side the same way).
//   - Attribute sets are merged as modern Nix merges them, recursively
//     (`{ a = { b.c = 1; }; a = { b.d = 2; }; }` is one set, an error in
//     Nix 2.8), and the pipe operators |> and <| print as the calls they
//     are in modern Nix.
//
// Everything else follows Nix 2.8 byte for byte, including its corners:
// string and path parts are split where Nix 2.8's lexer splits them,
// indented strings are stripped with Nix 2.8's algorithm, floats print
// like C++'s default ostream (%g, six significant digits), and
// (f a) b prints as the single call (f a b).
package printer
