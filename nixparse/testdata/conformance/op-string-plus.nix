x: "a" + "b" + x
