Answer to exercise 1 of docs/en/02-veth-and-moving-devices.md: a veth end has carrier only
when its peer is up, wherever the peer is. With `right` down, `left` is LOWERLAYERDOWN;
once `right` is up in ns5, `left` is UP and names its peer by index (`left@if2`: the kernel created `right` first) and namespace.
$ ip link add left type veth peer name right
$ ip link set left up
$ ip -br link show left
left@right       LOWERLAYERDOWN 36:c0:d8:ba:5f:a5 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
$ ip netns add ns5
$ ip link set right netns ns5
$ ip netns exec ns5 ip link set right up
$ ip link show left
3: left@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns5
$ ip netns exec ns5 ip -br link show right
right@if3        UP             6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,UP,LOWER_UP> 
