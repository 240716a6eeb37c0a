{ a.b = 1; a.c = 2; a = rec { d = 1; }; }
