# Builder of a test host's toplevel; runs under /bin/sh with no PATH.
if [ -n "$failBuild" ]; then
  echo "error: $hostName generation $generation is broken" >&2
  exit 1
fi
/bin/mkdir -p "$out/bin"
echo "$hostName $generation" > "$out/generation"

# switch-to-configuration MODE: record the activation; for switch and
# test, point current-system here (first, like NixOS's activation script),
# then fail when this generation is made to fail.
/bin/cat > "$out/bin/switch-to-configuration" <<SCRIPT
#!/bin/sh
echo "$out \$1" >> "$state/activations"
case "\$1" in
  switch|test) ln -sfn "$out" "$state/current-system" ;;
esac
if [ -n "$failActivation" ]; then
  echo "activating $hostName generation $generation failed" >&2
  exit 1
fi
SCRIPT

# check: the host's configured health check; fails on an unhealthy
# generation.
/bin/cat > "$out/bin/check" <<SCRIPT
#!/bin/sh
if [ -n "$unhealthy" ]; then
  echo "$hostName generation $generation is unhealthy" >&2
  exit 1
fi
echo "$hostName generation $generation is fine"
SCRIPT
/bin/chmod +x "$out/bin/switch-to-configuration" "$out/bin/check"
