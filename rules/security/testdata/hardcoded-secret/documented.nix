# Documentation attributes hide what they hold, however deep; the bindings
# after them are looked at again (no documentation call, escape or token
# marker in this file: its bindings are walked alone).
{
  options.app.settings = {
    example = { password = "q8Zr2LmXv9TkW4bN7pCy"; nested.apiKey = "q8Zr2LmXv9TkW4bN7pCy"; };
    description = { token = "q8Zr2LmXv9TkW4bN7pCy"; };
    defaultText = { secretKey = "q8Zr2LmXv9TkW4bN7pCy"; };
    apiKey = "q8Zr2LmXv9TkW4bN7pCy"; # want "`apiKey` holds a hardcoded secret"
  };
  example.secret = "q8Zr2LmXv9TkW4bN7pCy"; # want "`secret` holds a hardcoded secret"
  defaultText = "q8Zr2LmXv9TkW4bN7pCy"; password = "q8Zr2LmXv9TkW4bN7pCy"; # want "`password` holds a hardcoded secret"
}
