Answer to exercise 2 of docs/en/02-veth-and-moving-devices.md: `peer name ctr netns box`
creates the peer directly inside `box`. Each end shows the other's ifindex after `@if`.
$ ip netns add box
$ ip link add hostend type veth peer name ctr netns box
$ ip netns exec box ip link set ctr name eth0
$ ip link show hostend
2: hostend@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns box
$ ip netns exec box ip link show eth0
2: eth0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff link-netnsid 0
