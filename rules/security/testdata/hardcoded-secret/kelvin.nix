# A Kelvin sign reads as k in the words of a name: the pair api and the word after it.
{
  services.app.settings."apiKey" = "q8Zr2LmXv9TkW4bN7pCy"; # want "holds a hardcoded s.cret"
}
