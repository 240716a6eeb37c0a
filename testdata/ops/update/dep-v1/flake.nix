{
  outputs = { self }: {
    lib.buildScript = "echo dep v1 > $out";
  };
}
