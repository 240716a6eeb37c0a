[ (assert true; 1) ({ a = assert true; 1; }) ]
