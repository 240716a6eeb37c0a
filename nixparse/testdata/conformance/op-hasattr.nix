a: x: [ (a ? b) (a ? b.c) (a ? "b c") (a ? ${x}) (a ? b.${x}."c${x}") ]
