# ${("x")} is a static name: parentheses make no node in Nix, so the
# interpolated expression is a plain string (ast.KeyName must look through
# the parentheses).
[ { ${("x")} = 1; } (let ${("y")} = 2; in y) ]
