Answer to exercise 3 of docs/en/05-iptables-and-nat.md: a UDP DNAT rule in PREROUTING;
the conntrack entry's reply tuple comes from 10.0.2.2 port 53. nc -u -z only writes, so the
entry stays [UNREPLIED].
$ ip netns add ns0
$ ip netns add ns1
$ ip netns add ns2
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip link add veth2 netns ns1 type veth peer name veth3 netns ns2
$ ip -n ns0 addr add 10.0.1.2/24 dev veth0
$ ip -n ns1 addr add 10.0.1.1/24 dev veth1
$ ip -n ns1 addr add 10.0.2.1/24 dev veth2
$ ip -n ns2 addr add 10.0.2.2/24 dev veth3
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns1 link set veth2 up
$ ip -n ns2 link set veth3 up
$ ip -n ns0 route add default via 10.0.1.1
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip netns exec ns2 nc -l -u -k -p 53 &
$ ip netns exec ns1 iptables -t nat -A PREROUTING -i veth1 -p udp --dport 5353 -j DNAT --to-destination 10.0.2.2:53
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.1 5353
Connection to 10.0.1.1 5353 port [udp/mdns] succeeded!
$ ip netns exec ns1 conntrack -L -p udp
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.
udp      17 29 src=10.0.1.2 dst=10.0.1.1 sport=32768 dport=5353 [UNREPLIED] src=10.0.2.2 dst=10.0.1.2 sport=53 dport=32768 mark=0 use=1
$ ip netns exec ns1 iptables -t nat -L PREROUTING -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    1    29 DNAT       17   --  veth1  *       0.0.0.0/0            0.0.0.0/0            udp dpt:5353 to:10.0.2.2:53
