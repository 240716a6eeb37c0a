[ ./a+b ./a+b/c+d ]
