let x = 1; in let { inherit x; body = x; }
