# CR line endings and a lone CR.
[
  "a
b"
  1  2
]
