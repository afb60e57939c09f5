Packets passing the five hooks of a router (the notes' section 8): a counting rule in
every chain of the mangle table and in the filter chains of the router ns1, while ns0
pings ns2 through it and pings ns1 itself. Each echo request and reply is counted once per
chain it passes.
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
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns1 iptables -t mangle -A PREROUTING
$ ip netns exec ns1 iptables -t mangle -A INPUT
$ ip netns exec ns1 iptables -t mangle -A FORWARD
$ ip netns exec ns1 iptables -t mangle -A OUTPUT
$ ip netns exec ns1 iptables -t mangle -A POSTROUTING
$ ip netns exec ns1 iptables -A INPUT -p icmp
$ ip netns exec ns1 iptables -A FORWARD -i veth1 -o veth2
$ ip netns exec ns1 iptables -A FORWARD -i veth2 -o veth1
$ ip netns exec ns1 iptables -A OUTPUT -p icmp
$ ip netns exec ns0 ping -c 2 -i 0.2 10.0.2.2
$ ip netns exec ns1 iptables -t mangle -L -n -v
$ ip netns exec ns1 iptables -L -n -v
$ ip netns exec ns0 ping -c 1 10.0.1.1
$ ip netns exec ns1 iptables -t mangle -L -n -v -x
$ ip netns exec ns1 iptables -L -n -v -x
$ ip netns exec ns1 iptables -Z
$ ip netns exec ns1 iptables -P FORWARD DROP
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.2
$ ip netns exec ns1 iptables -L FORWARD -n -v
$ ip netns exec ns1 iptables -t mangle -L FORWARD -n -v
