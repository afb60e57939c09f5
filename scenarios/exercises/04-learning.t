Answer to exercise 1 of docs/en/04-bridges-and-mac-learning.md: the FDB holds only the ports'
own MACs until traffic flows; after the ping it has learned a's and b's MACs on their ports.
The port-side veths get fixed MACs too, so the bridge's own MAC and id are the same on every
run and on the real kernel. IPv6 is switched off in a and b before their eth0 comes up:
otherwise the kernel's IPv6 neighbour discovery would teach the bridge their MACs before the
ping (netsim does not model IPv6 traffic).
$ ip netns add a
$ ip netns add b
$ ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
$ ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
$ brctl addbr sw0
$ ip link add pa type veth peer name eth0 netns a
$ ip link add pb type veth peer name eth0 netns b
$ ip link set pa address 02:00:00:00:00:0a
$ ip link set pb address 02:00:00:00:00:0b
$ ip -n a link set eth0 address 02:00:00:00:01:0a
$ ip -n b link set eth0 address 02:00:00:00:01:0b
$ brctl addif sw0 pa
$ brctl addif sw0 pb
$ ip link set sw0 up
$ ip link set pa up
$ ip link set pb up
$ ip -n a addr add 10.1.0.1/24 dev eth0
$ ip -n b addr add 10.1.0.2/24 dev eth0
$ ip -n a link set eth0 up
$ ip -n b link set eth0 up
$ brctl showmacs sw0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:0a	yes		   0.00
  2	02:00:00:00:00:0b	yes		   0.00
$ ip netns exec a ping -c 1 10.1.0.2
PING 10.1.0.2 (10.1.0.2) 56(84) bytes of data.
64 bytes from 10.1.0.2: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.1.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ brctl showmacs sw0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:0a	yes		   0.00
  2	02:00:00:00:00:0b	yes		   0.00
  1	02:00:00:00:01:0a	no		   0.00
  2	02:00:00:00:01:0b	no		   0.00
$ bridge fdb show br sw0 | grep -v self
02:00:00:00:01:0a dev pa master sw0 
02:00:00:00:00:0a dev pa master sw0 permanent
02:00:00:00:01:0b dev pb master sw0 
02:00:00:00:00:0b dev pb master sw0 permanent
