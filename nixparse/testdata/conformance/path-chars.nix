[ ./a-b_c.d+e ./a/b.c/d-e ]
