[ https://example.org/a?b=c&d=e http://x.y/$z urn:isbn:123 a+b-c.d:e ]
