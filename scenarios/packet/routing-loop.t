A routing loop: two routers with ip_forward on point their default routes at each other. A packet for an unknown destination bounces between them until its TTL runs out; the router that sees it arrive with TTL 1 answers "Time to live exceeded", from the address of its route back to the sender (icmp_errors_use_inbound_ifaddr=0), and the ICMP error rate limit starts with a full burst. `ping -t 3` shows which router that is.
$ ip netns add r1
$ ip netns add r2
$ ip netns add h5
$ ip link add eth0 netns h5 type veth peer name e1 netns r1
$ ip link add e2 netns r1 type veth peer name e3 netns r2
$ ip -n h5 addr add 10.1.0.2/24 dev eth0
$ ip -n r1 addr add 10.1.0.1/24 dev e1
$ ip -n r1 addr add 10.2.0.1/24 dev e2
$ ip -n r2 addr add 10.2.0.2/24 dev e3
$ ip -n h5 link set eth0 up
$ ip -n r1 link set e1 up
$ ip -n r1 link set e2 up
$ ip -n r2 link set e3 up
$ ip -n h5 route add default via 10.1.0.1
$ ip -n r1 route add default via 10.2.0.2
$ ip -n r2 route add default via 10.2.0.1
$ ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
$ ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1
$ ip netns exec h5 ping -c 2 10.9.9.9
PING 10.9.9.9 (10.9.9.9) 56(84) bytes of data.
From 10.2.0.2 icmp_seq=1 Time to live exceeded
From 10.2.0.2 icmp_seq=2 Time to live exceeded

--- 10.9.9.9 ping statistics ---
2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms

[1]
$ ip netns exec h5 ping -c 1 -t 3 10.9.9.9
PING 10.9.9.9 (10.9.9.9) 56(84) bytes of data.
From 10.1.0.1 icmp_seq=1 Time to live exceeded

--- 10.9.9.9 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec h5 ping -c 1 10.2.0.2
PING 10.2.0.2 (10.2.0.2) 56(84) bytes of data.
64 bytes from 10.2.0.2: icmp_seq=1 ttl=63 time=0.080 ms

--- 10.2.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
