# Escapes spell the names: Nix reads them without the backslashes.
{
  services.app.environment."pa\ss\word" = "q8Zr2LmXv9TkW4bN7pCy"; # want "holds a hardcoded"
  services.app.settings.${''to''\ken''} = "q8Zr2LmXv9TkW4bN7pCy"; # want "holds a hardcoded"
}
