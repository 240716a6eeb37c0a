x: {
  inherit "${x}";
}
