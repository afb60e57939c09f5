netsim: no-diff (these programs exist on a Debian host but are not modelled; the simulator
refuses them by name, with status 127, however they are run)
$ ip netns add a
$ ifconfig
netsim: ifconfig: this program is not modelled by the simulator
[127]
$ ip netns exec a ifconfig -a
netsim: ifconfig: this program is not modelled by the simulator
[127]
$ route -n | grep 0.0.0.0
netsim: route: this program is not modelled by the simulator
[127]
$ ip -n a link | grep lo | nsenter --net=/run/netns/a ip link
netsim: `nsenter` after a pipe is not supported (grep, head, tail, wc, sort are)
[127]
$ frobnicate
bash: line 1: frobnicate: command not found
[127]
$ ip netns exec a frobnicate
exec of "frobnicate" failed: No such file or directory
[1]
$ ip -br link | grep -r lo
netsim: grep: option `-r` is not supported by the simulator
[127]
$ ip -br link | grep --include=x lo
netsim: grep: option `--include` is not supported by the simulator
[127]
$ ip -br link | grep '\(a\)\1'
netsim: grep: back-references is not supported by the simulator
[127]
