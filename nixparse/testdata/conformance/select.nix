a: x: [ a.b a.b.c a."b c" a.${x} a."${x}" a."a${x}" a.${"s"} (a.b).c ]
