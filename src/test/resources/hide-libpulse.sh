# Runs "$@" in this mount namespace with PulseAudio's client library gone from the system's
# library directory, as on a Debian machine without the package libpulse0. Nothing outside the
# namespace changes: the directory is shadowed by one of links to every other file in it.
set -eu
lib=$(dirname "$(readlink -f /lib/x86_64-linux-gnu/libpulse.so.0)")
tmp=$(mktemp -d)
mkdir "$tmp/real" "$tmp/shadow"
mount --bind "$lib" "$tmp/real"
for f in "$tmp"/real/*; do
  name=${f##*/}
  case "$name" in libpulse.so*|libpulse-simple.so*) continue ;; esac
  ln -s "$f" "$tmp/shadow/$name"
done
mount --bind "$tmp/shadow" "$lib"
exec "$@"
