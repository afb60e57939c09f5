A device's master must be a bridge in its own namespace, and a bridge cannot be a port:
the kernel checks this when it applies `master`, after `netns` and `name` in the same
command (do_setlink's order), and iproute2 resolves the master's ifindex beforehand in
the namespace the command runs in.

$ ip link add br0 type bridge
$ ip link set dev br0 name br1 master br0
Error: Can not enslave a bridge to a bridge.
[2]
$ ip -br link
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
br1              DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST> 
$ ip netns add a
$ ip link add br2 type bridge
$ ip link add v0 type veth peer name v1
$ ip link set dev v0 netns a master br2
RTNETLINK answers: Invalid argument
[2]
$ ip -br link
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
br1              DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST> 
br2              DOWN           36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST> 
v1@if5           DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST> 
$ ip -n a -br link
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
v0@if4           DOWN           7e:88:9b:8f:a4:60 <BROADCAST,MULTICAST> 
$ ip link add brx type bridge
$ ip link set brx master br2
Error: Can not enslave a bridge to a bridge.
[2]
$ ip link set v1 master v1
RTNETLINK answers: Operation not supported
[2]
$ ip link set v1 name v2 up
$ brctl addbr b0
$ brctl addbr b1
$ brctl addif b0 b1
device b1 is a bridge device itself; can't add a bridge device to a bridge device.
[1]
$ brctl addif b0 lo
can't add lo to bridge b0: Invalid argument
[1]
$ ip netns exec a ip netns exec a ip netns exec a ip -br link show v0
v0@if4           DOWN           7e:88:9b:8f:a4:60 <BROADCAST,MULTICAST> 
