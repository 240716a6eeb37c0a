let a = assert true; 1; b = 2; in a
