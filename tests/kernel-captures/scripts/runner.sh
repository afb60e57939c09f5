# usage: unshare --mount --net --pid --fork bash /tmp/cap/runner.sh CMDFILE
mount -t tmpfs tmpfs /run/netns 2>/dev/null || { mkdir -p /run/netns; mount -t tmpfs tmpfs /run/netns; }
mount -t sysfs sysfs /sys
mount -t proc proc /proc
ip link set lo up
# make stdout line-buffered like on a terminal (so stdout/stderr interleave as a user would see)
export LD_PRELOAD=/usr/libexec/coreutils/libstdbuf.so _STDBUF_O=L
OUT=$(mktemp /tmp/.cap_out.XXXXXX)
# lines starting with '!' are run in a child 'bash -c' ('bash --norc -i -c' so bash error messages look like an interactive shell's 'bash: ...')
# lines starting with '@' are executed silently (setup), '#' are comments (skipped)
while IFS= read -r C <&3; do
  [ -z "$C" ] && continue
  case "$C" in \#*) continue;; esac
  case "$C" in @*) eval "${C#@}" >/dev/null 2>&1 </dev/null; continue;; esac
  case "$C" in
    !*) C="${C#!}"; echo "\$ $C"; bash --norc -i -c "$C" 2>&1 </dev/null | grep -v -e '^bash: cannot set terminal process group' -e '^bash: no job control in this shell' >$OUT; (exit ${PIPESTATUS[0]});;
    *) echo "\$ $C"; eval "$C" >$OUT 2>&1 </dev/null;;
  esac
  rc=$?
  cat $OUT
  if [ -s $OUT ] && [ "$(tail -c1 $OUT | od -An -c | tr -d ' ')" != '\n' ]; then
    echo; echo '\ No newline at end of output'
  fi
  [ $rc -ne 0 ] && echo "[$rc]"
done 3< "$1"
rm -f $OUT
