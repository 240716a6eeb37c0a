x: "a ${x
"
