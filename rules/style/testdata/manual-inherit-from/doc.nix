# nixpkgs lib re-exports builtins under doc comments (RFC 145) on purpose:
# nixdoc documents the binding, which an inherit would not give it.
{
  /**
    Return the values of all attributes in the given set.
  */
  attrValues = builtins.attrValues;

  /* An ordinary comment documents nothing. */
  attrNames = builtins.attrNames; # want "assignment of builtins.attrNames to attrNames: write inherit \\(builtins\\) attrNames;"
  # Nor does a line comment.
  head = builtins.head; # want "assignment of builtins.head to head"
}
