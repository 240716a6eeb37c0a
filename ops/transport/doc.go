// Package transport runs commands on fleet hosts: on this machine for a
// host whose target is "local", else through the system ssh binary.
//
// Every command is an argument vector. ssh joins its arguments into one
// string that the remote login shell parses, so each argument is quoted
// for that shell with QuoteCommand; a host name, path or check
// command from the configuration is never interpreted by a shell. ssh
// runs with BatchMode (no password or host-key prompts) and a connect
// timeout, and host-key checking is left as the user's ssh configuration
// has it (on by default): a host whose key is unknown is unreachable,
// never silently trusted.
package transport
