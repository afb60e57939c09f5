Answer to exercise 2 of docs/en/05-iptables-and-nat.md: REJECT --reject-with tcp-reset
answers the SYN with a RST in the name of ns2, so nc sees "Connection refused" at once; port 80,
with a listener and no rule, connects.
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
$ ip netns exec ns2 nc -l -k -p 22 &
$ ip netns exec ns2 nc -l -k -p 80 &
$ ip netns exec ns1 iptables -A FORWARD -d 10.0.2.2 -p tcp --dport 22 -j REJECT --reject-with tcp-reset
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 22
nc: connect to 10.0.2.2 port 22 (tcp) failed: Connection refused
[1]
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 80
Connection to 10.0.2.2 80 port [tcp/http] succeeded!
$ ip netns exec ns1 iptables -S FORWARD
-P FORWARD ACCEPT
-A FORWARD -d 10.0.2.2/32 -p tcp -m tcp --dport 22 -j REJECT --reject-with tcp-reset
