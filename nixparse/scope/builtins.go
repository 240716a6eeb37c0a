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

// globalNames are the globals, numbered by their index here (a
// global's globalIndex): builtinNames, then modernNames.
var globalNames = append(builtinNames[:len(builtinNames):len(builtinNames)], modernNames[:]...)

// globalSlots is an open-addressed table of the globals, slot
// globalHash(name) or a next one holding 1 + the globalIndex of name:
// finding a name costs a few loads and one comparison of strings, less
// than hashing it for a map.
var globalSlots = func() (slots [512]int16) {
	for i, n := range globalNames {
		h := globalHash(n)
		for slots[h] != 0 {
			h = (h + 1) % uint(len(slots))
		}
		slots[h] = int16(i + 1)
	}
	return slots
}()

// globalHash hashes a name that is not empty for globalSlots.
func globalHash(name string) uint {
	n := len(name)
	return (uint(n)*31 + uint(name[0])*7 + uint(name[n-1])*3 + uint(name[n/2])) % 512
}

// globalIndex returns the globalIndex of name, or -1 when it is no
// global.
func globalIndex(name string) int {
	if name == "" {
		return -1
	}
	for h := globalHash(name); ; h = (h + 1) % uint(len(globalSlots)) {
		i := globalSlots[h]
		if i == 0 {
			return -1
		}
		if globalNames[i-1] == name {
			return int(i - 1)
		}
	}
}

// IsGlobal reports whether name is a global name of Nix's base
// environment (true, map, import, builtins, __sub, …).
func IsGlobal(name string) bool { return globalOf(name, nameBit(name)) >= 0 }

// globalOf returns the globalIndex of name, whose nameBit is bit, or -1
// when it is no global. The binder asks it of every name no scope binds,
// most of them supplied by a with (lib's functions): the few globals not
// spelled with "__" have few nameBits, which rule most such names out
// without hashing them.
func globalOf(name string, bit uint64) int {
	if bit&plainGlobalBits == 0 && !strings.HasPrefix(name, "__") {
		return -1
	}
	return globalIndex(name)
}

// plainGlobalBits is the union of the nameBits of the globals not
// spelled with "__".
var plainGlobalBits = func() uint64 {
	var bits uint64
	for _, n := range globalNames {
		if !strings.HasPrefix(n, "__") {
			bits |= nameBit(n)
		}
	}
	return bits
}()

// IsModernGlobal reports whether name is a global of modern Nix that Nix
// 2.8 lacks (break, __warn, …).
func IsModernGlobal(name string) bool { return globalIndex(name) >= len(builtinNames) }
