# A lookup path imported as a set: the test harness's builders.
with import <config>;
mkDerivation { name = "bar"; }
