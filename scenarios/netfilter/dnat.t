DNAT port publishing: ns1 publishes ns2's web server (10.0.2.2:80) on its own address
10.0.1.1 port 8080; nc -z from ns0 to the router's address reaches the listener behind it.
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
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns2 nc -l -k -p 80 &
$ ip netns exec ns1 iptables -t nat -A PREROUTING -i veth1 -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8080
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8081
$ ip netns exec ns1 conntrack -L
$ ip netns exec ns1 iptables -t nat -L -n -v
$ ip netns exec ns1 iptables -t nat -S
$ ip netns exec ns2 ss -ltn
$ ip netns exec ns1 iptables -t nat -A PREROUTING -i veth1 -p udp --dport 5353 -j DNAT --to-destination 10.0.2.2
$ ip netns exec ns2 nc -l -u -k -p 5353 &
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.1 5353
$ ip netns exec ns1 conntrack -L -p udp
