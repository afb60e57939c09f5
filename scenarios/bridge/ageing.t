Ageing: with `brctl setageing br0 10`, learned entries are gone once 10 seconds pass without a frame.
The kernel's namespaces send IPv6 router solicitations (not modelled by the simulator) about
3, 7, 15, 33 and 65 s after their link comes up, and those refresh the entries; `sleep 40`
moves the test into the quiet gap between the last two. The kernel also confirms the
neighbour 5 s after the ping (a unicast ARP probe from ns2) which the simulator does not send;
`sleep 16` outlasts that too.
IPv6 is switched off first so that no IPv6 autoconfiguration traffic (not modelled) teaches the bridge extra MACs.
$ brctl addbr br0
$ ip netns add ns1
$ ip netns add ns2
$ sysctl -w net.ipv6.conf.all.disable_ipv6=1
$ sysctl -w net.ipv6.conf.default.disable_ipv6=1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
$ ip netns exec ns2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
$ ip netns exec ns2 sysctl -w net.ipv6.conf.default.disable_ipv6=1
$ ip link add veth1 type veth peer name eth0 netns ns1
$ ip link add veth2 type veth peer name eth0 netns ns2
$ ip link set veth1 address 02:00:00:00:00:01
$ ip link set veth2 address 02:00:00:00:00:02
$ brctl addif br0 veth1
$ brctl addif br0 veth2
$ ip link set veth1 up
$ ip link set veth2 up
$ ip link set br0 up
$ ip -n ns1 link set eth0 up
$ ip -n ns2 link set eth0 up
$ ip -n ns1 addr add 10.0.0.1/24 dev eth0
$ ip -n ns2 addr add 10.0.0.2/24 dev eth0
$ ip -n ns1 link show eth0
$ ip -n ns2 link show eth0
$ brctl setageing br0 10
$ brctl setageing br0 abc
$ brctl setageing nosuch 10
$ ip netns exec ns1 ping -c 1 -w 2 10.0.0.2
$ brctl showmacs br0
$ sleep 16
$ brctl showmacs br0
$ bridge fdb show br br0
