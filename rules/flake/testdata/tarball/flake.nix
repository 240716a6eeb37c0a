{
  inputs.nixpkgs.url = "https://nixos.org/channels/nixos-23.11/nixexprs.tar.xz";
  inputs.pinned.url = "https://github.com/NixOS/nixpkgs/archive/4633a7c72337ea8fd23a4f2ba3972865e3ec685d.tar.gz";
  inputs.mirror.url = "https://mirror.example.org/nixpkgs/nixexprs.tar.xz";
  outputs = { self, ... }: { };
}
