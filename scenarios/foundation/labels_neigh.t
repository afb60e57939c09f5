Links, labels and neighbours as the kernel shows them: a veth's ` link-netns NAME` ends the
header line when `-4` leaves out the link line; address labels follow a rename
(inetdev_changename); `ip neigh show` hides NOARP entries unless asked with `nud`; `change`
needs an existing entry; list-id checks its target.
$ ip netns add a
$ ip link add veth-a type veth peer name veth-b netns a
$ ip addr add 10.1.0.1/24 dev veth-a
$ ip link set veth-a up
$ ip -4 addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
2: veth-a@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default qlen 1000 link-netns a
    inet 10.1.0.1/24 scope global veth-a
       valid_lft forever preferred_lft forever
$ ip addr show dev veth-a
2: veth-a@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns a
    inet 10.1.0.1/24 scope global veth-a
       valid_lft forever preferred_lft forever
$ ip link set veth-a down
$ ip link set veth-a name eth0
$ ip -4 addr show eth0
2: eth0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default qlen 1000 link-netns a
    inet 10.1.0.1/24 scope global eth0
       valid_lft forever preferred_lft forever
$ ip addr add 10.1.0.9/24 dev eth0 label eth0:1
$ ip -4 addr show eth0
2: eth0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default qlen 1000 link-netns a
    inet 10.1.0.1/24 scope global eth0
       valid_lft forever preferred_lft forever
    inet 10.1.0.9/24 scope global secondary eth0:1
       valid_lft forever preferred_lft forever
$ ip link set eth0 name eth5
$ ip -4 addr show eth5
2: eth5@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default qlen 1000 link-netns a
    inet 10.1.0.1/24 scope global eth5
       valid_lft forever preferred_lft forever
    inet 10.1.0.9/24 scope global secondary eth5:1
       valid_lft forever preferred_lft forever
$ ip neigh add 10.1.0.7 lladdr 02:00:00:00:00:07 dev eth5 nud noarp
$ ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev eth5 nud permanent
$ ip neigh show
10.1.0.8 dev eth5 lladdr 02:00:00:00:00:08 PERMANENT 
$ ip neigh show nud noarp
10.1.0.7 dev eth5 lladdr 02:00:00:00:00:07 NOARP 
$ ip neigh show nud permanent
10.1.0.8 dev eth5 lladdr 02:00:00:00:00:08 PERMANENT 
$ ip neigh change 10.1.0.99 lladdr 02:00:00:00:00:09 dev eth5
RTNETLINK answers: No such file or directory
[2]
$ ip netns list-id
nsid 0 (iproute2 netns name: a)
$ ip netns list-id target-nsid 12
Error: Invalid target network namespace id.
Dump terminated
[1]
$ ip netns list-id nsid 0
nsid 0 (iproute2 netns name: a)
$ ip neigh show nud all
10.1.0.8 dev eth5 lladdr 02:00:00:00:00:08 PERMANENT 
10.1.0.7 dev eth5 lladdr 02:00:00:00:00:07 NOARP 
$ ip neigh change 10.1.0.8 lladdr 02:00:00:00:00:0a dev eth5
$ ip neigh show
10.1.0.8 dev eth5 lladdr 02:00:00:00:00:0a PERMANENT 
$ ip -4 -o addr show eth5
2: eth5    inet 10.1.0.1/24 scope global eth5\       valid_lft forever preferred_lft forever
2: eth5    inet 10.1.0.9/24 scope global secondary eth5:1\       valid_lft forever preferred_lft forever
