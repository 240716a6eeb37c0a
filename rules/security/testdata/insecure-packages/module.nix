{
  nixpkgs.config = {
    permittedInsecurePackages = [ "openssl-1.1.1w" "python-2.7.18.8" ]; # want "permittedInsecurePackages permits insecure packages \\(openssl-1.1.1w, python-2.7.18.8\\): these have known vulnerabilities"
    allowUnfree = true;
  };
}
