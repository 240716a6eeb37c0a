1 /* never
closed
