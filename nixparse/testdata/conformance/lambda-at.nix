[ (args@{ a, ... }: args) ({ a }@args: args) ({ ... }@args: args) ]
