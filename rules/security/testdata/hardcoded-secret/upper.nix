# Only upper-case letters spell the name here.
{
  environment.variables.DB_PASSWORD = "q8Zr2LmXv9TkW4bN7pCy"; # want "DB_PASSWORD. holds a hardcoded"
  environment.variables.DB_PASSW0RD = "q8Zr2LmXv9TkW4bN7pCy";
}
