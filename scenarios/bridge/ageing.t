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
net.ipv6.conf.all.disable_ipv6 = 1
$ sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip netns exec ns2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns2 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
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
2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns2 link show eth0
2: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ brctl setageing br0 10
$ brctl setageing br0 abc
bad ageing time value
[1]
$ brctl setageing nosuch 10
set ageing time failed: No such device
[1]
$ ip netns exec ns1 ping -c 1 -w 2 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:01	yes		   0.00
  2	02:00:00:00:00:02	yes		   0.00
  1	36:c0:d8:ba:5f:a5	no		   0.00
  2	7e:88:9b:8f:a4:60	no		   0.00
$ sleep 16
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:01	yes		   0.00
  2	02:00:00:00:00:02	yes		   0.00
$ bridge fdb show br br0
33:33:00:00:00:01 dev br0 self permanent
01:00:5e:00:00:6a dev br0 self permanent
33:33:00:00:00:6a dev br0 self permanent
01:00:5e:00:00:01 dev br0 self permanent
02:00:00:00:00:01 dev veth1 master br0 permanent
33:33:00:00:00:01 dev veth1 self permanent
01:00:5e:00:00:01 dev veth1 self permanent
02:00:00:00:00:02 dev veth2 master br0 permanent
33:33:00:00:00:01 dev veth2 self permanent
01:00:5e:00:00:01 dev veth2 self permanent
$ ip netns exec ns1 ping -c 1 10.0.0.2 > /dev/null
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:01	yes		   0.00
  2	02:00:00:00:00:02	yes		   0.00
  1	36:c0:d8:ba:5f:a5	no		   0.00
  2	7e:88:9b:8f:a4:60	no		   0.00
$ brctl setageing br0 1
$ sleep 2
$ brctl setageing br0 300
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:01	yes		   0.00
  2	02:00:00:00:00:02	yes		   0.00
