// Package nixmatch holds the matching helpers every option-aware rule
// shares, so that no rule re-implements how NixOS code is written:
//
//   - Options finds the option definitions of a file's modules, however the
//     paths are spelled (a.b.c = v, nested sets, mkIf/mkMerge/mkDefault/…
//     wrappers, config sections of modules with options, inline modules of
//     imports and modules lists), and Find/Under select them by pattern with
//     "*" wildcards.
//   - QualifiedName, Refers and CallTo recognise references to library
//     functions (lib.mkIf, mkIf under `with lib;`, lib.modules.mkIf,
//     `inherit (lib) mkIf;`) using the binder, so a local binding that
//     happens to share a name is not mistaken for the library function.
//   - Resolve follows identifiers to the expressions let and rec bind them
//     to (data flow), and the literal helpers read bools, strings and ints.
package nixmatch
