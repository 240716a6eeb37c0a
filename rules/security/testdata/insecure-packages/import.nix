{ nixpkgs }:
import nixpkgs {
  config.allowInsecurePredicate = pkg: true; # want "allowInsecurePredicate permits every insecure package the predicate accepts"
  config.allowInsecure = true; # want "allowInsecure permits every insecure package"
}
