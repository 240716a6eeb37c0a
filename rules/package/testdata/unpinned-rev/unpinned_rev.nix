{ fetchFromGitHub, fetchgit }:
{
  a = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "master"; # want "`rev = \"master\"` follows a branch: pin a commit hash"
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  b = fetchgit {
    url = "https://example.org/r.git";
    rev = "refs/heads/main"; # want "`rev = \"refs/heads/main\"` follows a branch"
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  c = builtins.fetchGit {
    url = "https://example.org/r.git";
    rev = "HEAD"; # want "`rev = \"HEAD\"` follows a branch"
  };
  # Negatives: commits and tags, a branch given as `ref` with a pinned rev,
  # and a `rev` that is not a fetcher argument.
  d = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "4633a7c72337ea8fd23a4f2ba3972865e3ec685d";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  e = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "v1.2.3";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  f = builtins.fetchGit {
    url = "https://example.org/r.git";
    ref = "main";
    rev = "4633a7c72337ea8fd23a4f2ba3972865e3ec685d";
  };
  g = { rev = "main"; };
  h = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "mainline";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
}
