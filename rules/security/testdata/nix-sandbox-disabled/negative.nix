{
  nix.settings.sandbox = "relaxed";
  nix.settings.sandbox-fallback = false;
}
