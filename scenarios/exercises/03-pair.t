Answer to exercise 1 of docs/en/03-connecting-namespaces.md: two namespaces on one veth pair
in a /30; `ethtool -S b0` in blue names r0's ifindex, which `ip link` in red confirms.
$ ip netns add red
$ ip netns add blue
$ ip link add r0 netns red type veth peer name b0 netns blue
$ ip -n red addr add 10.9.0.1/30 dev r0
$ ip -n blue addr add 10.9.0.2/30 dev b0
$ ip -n red link set r0 up
$ ip -n blue link set b0 up
$ ip netns exec red ping -c 2 -i 0.2 10.9.0.2
PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.
64 bytes from 10.9.0.2: icmp_seq=1 ttl=64 time=0.080 ms
64 bytes from 10.9.0.2: icmp_seq=2 ttl=64 time=0.040 ms

--- 10.9.0.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.040/0.060/0.080/0.020 ms
$ ip netns exec blue ethtool -S b0 | grep peer_ifindex
     peer_ifindex: 2
$ ip netns exec red ip -br link | grep r0
r0@if2           UP             36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,UP,LOWER_UP> 
