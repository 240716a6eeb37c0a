[ http://a.b/c?d=e&f=g ftp://x git+ssh://y ]
