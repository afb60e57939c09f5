Answer to exercise 2 of docs/en/04-bridges-and-mac-learning.md: with an address, the bridge
is the host's interface in the subnet. `a` resolves 10.1.0.254 to the bridge's own MAC, which
is the lowest MAC of its ports (pa's 02:00:00:00:00:0a, fixed here so that it is the same on
the real kernel).
$ ip netns add a
$ brctl addbr sw0
$ ip link add pa type veth peer name eth0 netns a
$ ip link set pa address 02:00:00:00:00:0a
$ brctl addif sw0 pa
$ ip link set sw0 up
$ ip link set pa up
$ ip -n a addr add 10.1.0.1/24 dev eth0
$ ip -n a link set eth0 up
$ ip addr add 10.1.0.254/24 dev sw0
$ ip -n a route add default via 10.1.0.254
$ ip netns exec a ping -c 1 10.1.0.254
PING 10.1.0.254 (10.1.0.254) 56(84) bytes of data.
64 bytes from 10.1.0.254: icmp_seq=1 ttl=64 time=0.080 ms

--- 10.1.0.254 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec a ip neigh
10.1.0.254 dev eth0 lladdr 02:00:00:00:00:0a REACHABLE 
$ ip -br link show sw0
sw0              UP             02:00:00:00:00:0a <BROADCAST,MULTICAST,UP,LOWER_UP> 
$ ip netns exec a ip route get 198.51.100.7
198.51.100.7 via 10.1.0.254 dev eth0 src 10.1.0.1 uid 0 
    cache 
