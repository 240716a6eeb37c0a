{ pkgs, ... }:
with pkgs; [
  git
  hello
]
