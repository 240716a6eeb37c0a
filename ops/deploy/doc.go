// Package deploy deploys a flake's NixOS systems to fleet hosts, behind
// the audit gate, and rolls hosts back.
//
// A deploy is: the gate (refused: nothing touched); every selected
// host's toplevel built (one failure stops everything before any host is
// touched); then per host, as the strategy schedules them: remember the
// running system, copy the closure, set the profile, run
// switch-to-configuration, and verify — the running system is the new
// one and the host's health checks pass, retried until a deadline. A host
// whose activation or verification fails is rolled back (profile set
// back, the remembered system re-activated and verified) and reported so.
package deploy
