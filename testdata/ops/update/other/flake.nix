{
  outputs = { self }: {
    lib.greeting = "hello";
  };
}
