REDIRECT: ns1 sends TCP arriving from ns0 for port 8080 to its own listener on port 80
(PREROUTING), and its own connections to port 8081 to the same listener (OUTPUT).
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
$ ip netns exec ns1 nc -l -k -p 80 &
$ ip netns exec ns1 iptables -t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 80
$ ip netns exec ns1 iptables -t nat -A OUTPUT -p tcp --dport 8081 -j REDIRECT --to-ports 80
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8080
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8081
$ ip netns exec ns1 nc -z -v -w 1 127.0.0.1 8081
$ ip netns exec ns1 nc -z -v -w 1 10.0.2.1 8081
$ ip netns exec ns1 conntrack -L
$ ip netns exec ns1 iptables -t nat -L -n -v
