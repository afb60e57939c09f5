Answer to exercise 1 of docs/en/05-iptables-and-nat.md: three echo requests cross the
router from veth1 to veth2 and three replies from veth2 to veth1.
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
$ ip netns exec ns1 iptables -A FORWARD -i veth1 -o veth2
$ ip netns exec ns1 iptables -A FORWARD -i veth2 -o veth1
$ ip netns exec ns0 ping -c 3 -i 0.2 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.160 ms
64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=0.080 ms
64 bytes from 10.0.2.2: icmp_seq=3 ttl=63 time=0.080 ms

--- 10.0.2.2 ping statistics ---
3 packets transmitted, 3 received, 0% packet loss, time 400ms
rtt min/avg/max/mdev = 0.080/0.106/0.160/0.037 ms
$ ip netns exec ns1 iptables -L FORWARD -n -v
Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    3   252            0    --  veth1  veth2   0.0.0.0/0            0.0.0.0/0           
    3   252            0    --  veth2  veth1   0.0.0.0/0            0.0.0.0/0           
