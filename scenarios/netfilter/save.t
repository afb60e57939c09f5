iptables-save after building a small NAT router and firewall (the dates are normalised),
with and without counters, then restoring it into a fresh namespace.
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
$ ip netns exec ns1 iptables -N LOGDROP
$ ip netns exec ns1 iptables -A LOGDROP -j DROP
$ ip netns exec ns1 iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
$ ip netns exec ns1 iptables -A FORWARD -i veth1 -o veth2 -j ACCEPT
$ ip netns exec ns1 iptables -A FORWARD -j LOGDROP
$ ip netns exec ns1 iptables -P FORWARD DROP
$ ip netns exec ns1 iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o veth2 -j MASQUERADE
$ ip netns exec ns1 iptables -t nat -A PREROUTING -i veth2 -p tcp --dport 2222 -j DNAT --to-destination 10.0.1.2:22
$ ip netns exec ns0 ping -c 1 10.0.2.2
$ ip netns exec ns1 iptables-save
$ ip netns exec ns1 iptables-save -c
$ ip netns exec ns1 iptables-save -t nat
$ ip netns exec ns2 iptables-save
$ ip netns exec ns0 iptables-save
