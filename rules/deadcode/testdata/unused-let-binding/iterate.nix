let
  a = 1; # want "^let binding a is only used by unused bindings$"
  b = a + 1; # want "^let binding b is only used by unused bindings$"
  c = b; # want "^let binding c is never used$"
  loop = x: loop x; # want "^let binding loop is only used by unused bindings$"
  ping = pong; # want "^let binding ping is only used by unused bindings$"
  pong = ping; # want "^let binding pong is only used by unused bindings$"
  outer = # want "^let binding outer is never used$"
    let
      inner = 1;
    in
    inner;
  kept = let helper = 2; in helper;
in
kept
