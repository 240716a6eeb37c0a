// Package nixmatch holds the matching helpers every option-aware rule
// shares, so that no rule re-implements how NixOS code is written:
//
//   - Options finds the option definitions of a file's modules, however the
//     paths are spelled (a.b.c = v, nested sets, mkIf/mkMerge/mkDefault/…
//     wrappers, config sections of modules with options, inline modules of
//     imports and modules lists, submodule functions), and Find, Under and
//     Group select them by pattern with "*" wildcards. Analyzer computes
//     them once per file for all rules of a run (nixmatch.Of(pass), or
//     IndexOf(pass) for rules that do not require Analyzer); the Index's
//     own Find and Under skip at once the files that define nothing under
//     the pattern's first name, as most files do for any one pattern.
//   - CallsOf (Calls without a pass) lists a file's calls once for every
//     rule, each with the name of its function already resolved
//     (Call.Name): rules about builders, fetchers or library functions
//     compare that name with their tables instead of walking the tree
//     and resolving names again.
//   - QualifiedName, Refers and CallArgs recognise references to library
//     functions (lib.mkIf, mkIf under `with lib;`, lib.modules.mkIf,
//     `inherit (lib) mkIf;`, `mkIf = lib.mkIf;`) using the binder, so a
//     local binding that happens to share a name is not mistaken for the
//     library function.
//   - Resolve and BoundValue follow identifiers to the expressions let and
//     rec bind them to (data flow); Forced lists the references an
//     evaluation really needs (strictness), for rules about infinite
//     recursion.
//   - Bool, String, Int, Strings, StringParts and IsLiteralSet read
//     literals; IsModuleFile tells modules from packages and overlays.
//
// A typical rule:
//
//	for _, d := range nixmatch.Of(pass).Find("services.openssh.settings.PermitRootLogin") {
//		if s, ok := nixmatch.String(d.Value); ok && s == "yes" {
//			pass.Report(analysis.Diagnostic{Pos: d.Value.Pos(), End: d.Value.End(), Message: "…"})
//		}
//	}
package nixmatch
