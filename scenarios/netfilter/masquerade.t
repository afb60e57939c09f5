A router doing MASQUERADE for a private subnet: ns0 (10.0.1.0/24) reaches ns2 through ns1,
which rewrites the source to its veth2 address; conntrack -L on the router shows the
translation in the reply tuple. The ends see no conntrack (nothing loads it there).
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
$ ip netns exec ns1 conntrack -L
$ ip netns exec ns1 iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o veth2 -j MASQUERADE
$ ip netns exec ns2 nc -l -k -p 8080 &
$ ip netns exec ns2 ss -ltn
$ ip netns exec ns0 ping -c 1 10.0.2.2
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 8080
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 8081
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.2.2 9999
$ ip netns exec ns1 conntrack -L
$ ip netns exec ns1 conntrack -L -p tcp
$ ip netns exec ns1 iptables -t nat -L -n -v
$ ip netns exec ns0 conntrack -L
$ ip netns exec ns2 conntrack -L
$ ip netns exec ns1 conntrack -C
$ ip netns exec ns1 conntrack -F
$ ip netns exec ns1 conntrack -L
