{ stdenv, buildGoModule }:
{
  a = stdenv.mkDerivation {
    name = "a";
    installPhase = # want "custom `installPhase` without `runHook preInstall` and `runHook postInstall`"
      ''
        install -Dm755 a $out/bin/a
      '';
    buildPhase = "make"; # want "custom `buildPhase` without `runHook preBuild` and `runHook postBuild`"
    checkPhase = # want "custom `checkPhase` without `runHook postCheck`: hooks"
      ''
        runHook preCheck
        make test
      '';
  };
  # Negatives: hooks run, phases that are not hooked, and variables
  # that merely end in Phase.
  b = stdenv.mkDerivation {
    name = "b";
    installPhase = ''
      runHook preInstall
      install -Dm755 b $out/bin/b
      runHook postInstall
    '';
    buildPhase = "runHook preBuild; make; runHook postBuild";
    unpackPhase = ":";
    configurePhase = "true";
    preInstallPhases = [ "extraPhase" ];
    extraPhase = "echo extra";
  };
  c = buildGoModule {
    pname = "c";
    version = "1";
    src = ./.;
    vendorHash = null;
    installPhase = stdenv.installPhase;
  };
}
