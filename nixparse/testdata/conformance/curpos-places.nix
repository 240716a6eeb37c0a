{ a = __curPos; b = [ __curPos ]; c = x: __curPos; }
