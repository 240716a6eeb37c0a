# A formal's name is made after its default: `e`, in `d`'s default, comes
# before `d`.
{ d ? e, e, d, e }: d
