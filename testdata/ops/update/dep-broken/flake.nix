{
  outputs = { self }: {
    lib.buildScript = "echo dep is broken >&2; exit 1";
  };
}
