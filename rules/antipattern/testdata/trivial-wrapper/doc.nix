# nixpkgs lib re-exports builtins under doc comments (RFC 145) on purpose:
# nixdoc documents the binding under its own name.
{
  /**
    Concatenate a list of strings with a separator between each element.
  */
  concatStringsSep = builtins.concatStringsSep;

  /** Apply f to every element of xs. */
  map = f: xs: builtins.map f xs;

  /* An ordinary comment documents nothing. */
  attrNames = builtins.attrNames; # want "`attrNames` re-exports builtins.attrNames"
  # Nor does a line comment.
  filter = f: xs: builtins.filter f xs; # want "`filter` only passes its arguments on to builtins.filter"
}
