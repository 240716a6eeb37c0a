{
  outputs = { self }: { };
}
