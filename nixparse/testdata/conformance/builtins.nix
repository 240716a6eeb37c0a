[ builtins.map map toString import true false null __sub __lessThan derivation fetchTarball scopedImport __nixPath baseNameOf isNull placeholder ]
