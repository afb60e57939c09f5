Moving a veth that is up: the end left behind has no carrier and its lower device (looked up by the peer's ifindex in its own namespace) is gone, so its state is DOWN, not LOWERLAYERDOWN; the moved end starts again with qdisc noop. A namespace's local routing table does not exist until its first local address.
$ ip netns add ns0
$ ip link add veth0 type veth peer name veth1
$ ip link set veth0 up
$ ip link set veth1 up
$ sleep 1
$ ip link set veth1 netns ns0
$ ip link show veth0
3: veth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ sleep 2
$ ip link show veth0
3: veth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip -n ns0 link show veth1
2: veth1@if3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns0 link set veth1 up
$ ip link show veth0
3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip -n ns0 link set veth1 down
$ ip link show veth0
3: veth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ sleep 2
$ ip link show veth0
3: veth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip link add a type veth peer name b
"type" is invalid lladdr.
[1]
$ ip link set a up
"up" is invalid lladdr.
[1]
$ ip link show a
Device "a" does not exist.
[1]
$ sleep 2
$ ip link show a
Device "a" does not exist.
[1]
$ ip route show table local
local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 
$ ip netns exec ns0 ip route show table local
Error: ipv4: FIB table does not exist.
Dump terminated
[2]
$ ip netns exec ns0 ip route show
