{ a ? b, b ? a }: [ a b ]
