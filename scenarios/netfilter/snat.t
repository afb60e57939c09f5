SNAT to a fixed address: the router ns1 rewrites ns0's packets to 10.0.2.100 (an address
it does not own; ns2 routes it back through ns1 and ns1 answers ARP for it only because it
is added as a secondary address).
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
$ ip -n ns0 link set lo up
$ ip -n ns1 link set lo up
$ ip -n ns2 link set lo up
$ ip -n ns0 route add default via 10.0.1.1
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip -n ns1 addr add 10.0.2.100/24 dev veth2
$ ip netns exec ns1 iptables -t nat -A POSTROUTING -o veth2 -j SNAT --to-source 10.0.2.100
$ ip netns exec ns2 nc -l -k -p 8080 &
$ ip netns exec ns0 ping -c 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.160 ms

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 8080
Connection to 10.0.2.2 8080 port [tcp/http-alt] succeeded!
$ ip netns exec ns1 conntrack -L
conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.
icmp     1 29 src=10.0.1.2 dst=10.0.2.2 type=8 code=0 id=18041 src=10.0.2.2 dst=10.0.2.100 type=0 code=0 id=18041 mark=0 use=1
tcp      6 119 TIME_WAIT src=10.0.1.2 dst=10.0.2.2 sport=32768 dport=8080 src=10.0.2.2 dst=10.0.2.100 sport=8080 dport=32768 [ASSURED] mark=0 use=1
$ ip netns exec ns1 conntrack -L --src-nat
conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.
icmp     1 29 src=10.0.1.2 dst=10.0.2.2 type=8 code=0 id=18041 src=10.0.2.2 dst=10.0.2.100 type=0 code=0 id=18041 mark=0 use=1
tcp      6 119 TIME_WAIT src=10.0.1.2 dst=10.0.2.2 sport=32768 dport=8080 src=10.0.2.2 dst=10.0.2.100 sport=8080 dport=32768 [ASSURED] mark=0 use=1
$ ip netns exec ns1 iptables -t nat -L POSTROUTING -n -v
Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    2   144 SNAT       0    --  *      veth2   0.0.0.0/0            0.0.0.0/0            to:10.0.2.100
$ ip netns exec ns1 iptables -t nat -S POSTROUTING
-P POSTROUTING ACCEPT
-A POSTROUTING -o veth2 -j SNAT --to-source 10.0.2.100
