package deadcode

import "github.com/nixaudit/nixaudit/analyzer"

// Rules are the deadcode rules, sorted by name.
var Rules = []*analyzer.Rule{
	UnneededRec,
	UnusedAtBinding,
	UnusedFormal,
	UnusedLambdaArgument,
	UnusedLetBinding,
	UnusedWith,
}
