Answer to exercise 2 of docs/en/03-connecting-namespaces.md: with TTL 2 the request survives
the one router (63 on the reply). Without a default route in ns2 the request still arrives,
but ns2 cannot send the reply: ns0's ping gets no answer, and ns2's own ping fails at once.
$ ip netns add ns0
$ ip netns add ns1
$ ip netns add ns2
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip link add veth2 netns ns1 type veth peer name veth3 netns ns2
$ ip -n ns0 addr add 10.0.1.1/24 dev veth0
$ ip -n ns1 addr add 10.0.1.2/24 dev veth1
$ ip -n ns1 addr add 10.0.2.1/24 dev veth2
$ ip -n ns2 addr add 10.0.2.2/24 dev veth3
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns1 link set veth2 up
$ ip -n ns2 link set veth3 up
$ ip -n ns0 route add default via 10.0.1.2
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip netns exec ns0 ping -c 1 -t 2 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.160 ms

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ ip -n ns2 route del default
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns2 ping -c 1 10.0.1.1
ping: connect: Network is unreachable
[2]
