{
  outputs = { self }: {
    lib.buildScript = "echo dep v2 > $out";
  };
}
