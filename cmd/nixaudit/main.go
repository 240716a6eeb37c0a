package main

import (
	"golang.org/x/tools/go/analysis"
	_ "github.com/nix-community/go-nix/pkg/nixhash"
	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	_ "github.com/spf13/cobra"
	_ "github.com/fatih/color"
	_ "github.com/BurntSushi/toml"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
)

var _ analysis.Analyzer

func main() {}
