let x10 = 2; in 0x10
