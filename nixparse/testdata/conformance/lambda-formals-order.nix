{ zeta, alpha, mid ? zeta, beta ? let y = 1; x = 2; in x, ... }: alpha
