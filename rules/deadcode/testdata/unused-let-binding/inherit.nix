{ lib, src, extra }:
let
  inherit (lib) mkIf mkMerge; # want "^let binding mkMerge is never used$"
  inherit (lib.strings) concatStrings; # want "^let binding concatStrings is never used$"
  source = { git = 1; }; # want "^let binding source is only used by unused bindings$"
  inherit (source) git; # want "^let binding git is never used$"
  inherit src;
  pkgs = import <nixpkgs> { };
  inherit (pkgs) hello;
  # In a let, inherit (lib) refers to the let's own lib: this one is used.
  inherit lib;
  inherit extra; # want "^let binding extra is never used$"
in
mkIf true [ src hello ]
