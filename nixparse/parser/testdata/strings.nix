# Strings: escapes, interpolation, dollars, CR handling, indented strings.
{ x, y }:
[
  "plain"
  "esc \n \t \r \\ \" \$ \a \${x}"
  "dollars $ $$ $${x} $\{ $"
  "${x}"
  "${x}${y}"
  "a${x}b${y}c"
  "nested ${"inner ${x} text"} end"
  "braces ${ { a = "}"; }.a } ok"
  ""
  ''''
  ''single line''
  ''
    indented
      more
    back
  ''
  ''
    escapes ''$ ''' ''\n ''\t ''\x $ ' '$
    ${x} after interp
  ''
  ''  first line on opener
    rest''
  ''
      ${x}
    text
  ''
  ''

    blank lines above

  ''
  ''a'b'c $a$b''
]
