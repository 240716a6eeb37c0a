{ config, ... }:
{
  environment.variables.GITHUB_TOKEN = "ghp_R8mZq2Lw9XkT4vBn7PcYd1HsJf6Ga3Ue5Qo0"; # want "hardcoded GitHub token \\(ghp_…\\(40 chars\\)\\): keep it out of the Nix store"
  services.myapp.settings = {
    apiKey = "q8Zr2LmXv9TkW4bN7pCy"; # want "`apiKey` holds a hardcoded secret \\(q8…\\(20 chars\\)\\)"
    aws = "AKIAZ7QK3M9XW2RB5TLP"; # want "hardcoded AWS access key \\(AKIA…\\(20 chars\\)\\)"
    slack.webhook = "https://hooks.example.com/xoxb-2451837465-9Qm3Lz8RtYwPk4Vn"; # want "hardcoded Slack token \\(xoxb-…\\(32 chars\\)\\)"
    sshKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\nc2gtZWQyNTUxOQAAACBm2bYqz0sK7vPbqkq8h4m9xQ0sRgQ2l6n4m3v6c5n7bAAA\n-----END OPENSSH PRIVATE KEY-----\n"; # want "hardcoded private key \\(-----BEGIN OPENSSH PRIVATE KEY-----…"
    clientSecretFile = "/run/secrets/client";
    passwordFile = config.sops.secrets.db.path;
    token = "${config.sops.placeholder.token}";
    secret = "changeme";
    example = "AKIAIOSFODNN7EXAMPLE";
    password = "/run/secrets/db-password";
    tokenPlaceholder = "your-api-token-goes-here";
    privateKey = "short";
    secretName = "q8Zr2LmXv9TkW4bN7pCy";
    hashedPassword = "$6$q8Zr2LmXv9TkW4bN7pCy$abc";
    publicKey = "q8Zr2LmXv9TkW4bN7pCy";
  };
  users.users.alice.password = "Xk9mP2vL7qRt4wZs8nBc";
}
