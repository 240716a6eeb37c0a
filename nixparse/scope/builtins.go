package scope

import "strings"

// builtinNames are the names of Nix 2.8's base environment: the variables
// every file can use without a binding (checked against
// `nix-instantiate --eval -E 'builtins.attrNames builtins'`, each name
// tried bare and with a "__" prefix). modernNames adds the ones modern Nix
// added, so that code written for modern Nix does not report them as
// undefined; internal and unsafe-only primops are left out.
var builtinNames = [...]string{
	"abort", "baseNameOf", "builtins", "derivation", "derivationStrict",
	"dirOf", "false", "fetchGit", "fetchMercurial", "fetchTarball",
	"fetchTree", "fromTOML", "import", "isNull", "map", "null",
	"placeholder", "removeAttrs", "scopedImport", "throw", "toString",
	"true",
	"__add", "__addErrorContext", "__all", "__any", "__appendContext",
	"__attrNames", "__attrValues", "__bitAnd", "__bitOr", "__bitXor",
	"__catAttrs", "__ceil", "__compareVersions", "__concatLists",
	"__concatMap", "__concatStringsSep", "__currentSystem",
	"__currentTime", "__deepSeq", "__div", "__elem", "__elemAt",
	"__fetchurl", "__filter", "__filterSource", "__findFile", "__floor",
	"__foldl'", "__fromJSON", "__functionArgs", "__genList",
	"__genericClosure", "__getAttr", "__getContext", "__getEnv",
	"__groupBy", "__hasAttr", "__hasContext", "__hashFile",
	"__hashString", "__head", "__intersectAttrs", "__isAttrs",
	"__isBool", "__isFloat", "__isFunction", "__isInt", "__isList",
	"__isPath", "__isString", "__langVersion", "__length", "__lessThan",
	"__listToAttrs", "__mapAttrs", "__match", "__mul", "__nixPath",
	"__nixVersion", "__parseDrvName", "__partition", "__path",
	"__pathExists", "__readDir", "__readFile", "__replaceStrings",
	"__seq", "__sort", "__split", "__splitVersion", "__storeDir",
	"__storePath", "__stringLength", "__sub", "__substring", "__tail",
	"__toFile", "__toJSON", "__toPath", "__toXML", "__trace",
	"__tryEval", "__typeOf", "__unsafeDiscardOutputDependency",
	"__unsafeDiscardStringContext", "__unsafeGetAttrPos",
	"__zipAttrsWith",
}

// modernNames are the globals modern Nix adds to Nix 2.8's.
var modernNames = [...]string{
	"break", "__addDrvOutputDependencies", "__convertHash",
	"__fetchClosure", "__flakeRefToString", "__getFlake", "__outputOf",
	"__parseFlakeRef", "__readFileType", "__traceVerbose", "__warn",
}

// builtinSet indexes the globals: true for those only modern Nix has.
var builtinSet = func() map[string]bool {
	m := make(map[string]bool, len(builtinNames)+len(modernNames))
	for _, n := range builtinNames {
		m[n] = false
	}
	for _, n := range modernNames {
		m[n] = true
	}
	return m
}()

// IsGlobal reports whether name is a global name of Nix's base
// environment (true, map, import, builtins, __sub, …).
func IsGlobal(name string) bool { return isGlobal(name, nameBit(name)) }

// isGlobal is IsGlobal for a name whose nameBit is bit. The binder asks
// it of every name no scope binds, most of them supplied by a with
// (lib's functions): the few globals not spelled with "__" have few
// nameBits, which rule most such names out without hashing them.
func isGlobal(name string, bit uint64) bool {
	if bit&plainGlobalBits == 0 && !strings.HasPrefix(name, "__") {
		return false
	}
	_, ok := builtinSet[name]
	return ok
}

// plainGlobalBits is the union of the nameBits of the globals not
// spelled with "__".
var plainGlobalBits = func() uint64 {
	var bits uint64
	for n := range builtinSet {
		if !strings.HasPrefix(n, "__") {
			bits |= nameBit(n)
		}
	}
	return bits
}()

// IsModernGlobal reports whether name is a global of modern Nix that Nix
// 2.8 lacks (break, __warn, …).
func IsModernGlobal(name string) bool { return builtinSet[name] }
