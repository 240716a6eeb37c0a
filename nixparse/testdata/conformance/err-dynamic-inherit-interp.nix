x: {
  inherit ${x};
}
