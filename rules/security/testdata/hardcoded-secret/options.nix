# Option documentation makes up its examples; references are not secrets.
{ lib, ... }:
{
  options.services.demo.settings = lib.mkOption {
    type = lib.types.attrs;
    example = { slack.token = "1234567890abcdefg"; apiKey = "q8Zr2LmXv9TkW4bN7pCy"; };
    defaultText = lib.literalExpression ''{ token = "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"; }'';
    description = "Set `apiKey` to a value like q8Zr2LmXv9TkW4bN7pCy.";
  };
  config.services.demo.settings = {
    CONTEXT7_API_KEY = "{env:CONTEXT7_API_KEY}";
    mqttPasswordSecret = "home-assistant/mqtt/password";
    OSS_SECRETARY_FROM = "oss-secretary@vulcan.lan";
    gatewayApiKey = "gateway-injects-real-key";
    uuidToken = "123e4567-e89b-12d3-a456-426614174000"; # want "`uuidToken` holds a hardcoded secret"
  };
}
