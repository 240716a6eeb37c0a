x: ''
    a
    ${x} b
  ''
