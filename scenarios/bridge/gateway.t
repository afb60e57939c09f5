A bridge with an address (10.0.0.254/24 on br0) used as the namespaces' gateway; ping the bridge.
Host-side veths get fixed MACs so the bridge's MAC is the same on both backends.
$ ip link add br0 type bridge
$ ip netns add ns1
$ ip netns add ns2
$ ip link add veth1 type veth peer name eth0 netns ns1
$ ip link add veth2 type veth peer name eth0 netns ns2
$ ip link set veth1 address 02:00:00:00:00:01
$ ip link set veth2 address 02:00:00:00:00:02
$ ip link set veth1 master br0
$ ip link set veth2 master br0
$ ip link set veth1 up
$ ip link set veth2 up
$ ip link set br0 up
$ ip addr add 10.0.0.254/24 dev br0
$ ip -n ns1 link set eth0 up
$ ip -n ns2 link set eth0 up
$ ip -n ns1 addr add 10.0.0.1/24 dev eth0
$ ip -n ns2 addr add 10.0.0.2/24 dev eth0
$ ip -n ns1 route add default via 10.0.0.254
$ ip -n ns2 route add default via 10.0.0.254
$ ip -n ns1 link show eth0
2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns2 link show eth0
2: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip link show br0
2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
$ ip -br link show master br0
veth1@if2        UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> 
veth2@if2        UP             02:00:00:00:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP> 
$ ip netns exec ns1 ping -c 2 -i 0.2 -w 2 10.0.0.254
PING 10.0.0.254 (10.0.0.254) 56(84) bytes of data.
64 bytes from 10.0.0.254: icmp_seq=1 ttl=64 time=0.080 ms
64 bytes from 10.0.0.254: icmp_seq=2 ttl=64 time=0.040 ms

--- 10.0.0.254 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.040/0.060/0.080/0.020 ms
$ ip netns exec ns2 ping -c 1 -w 2 10.0.0.254
PING 10.0.0.254 (10.0.0.254) 56(84) bytes of data.
64 bytes from 10.0.0.254: icmp_seq=1 ttl=64 time=0.080 ms

--- 10.0.0.254 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec ns1 ping -c 1 -w 2 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ ping -c 1 -w 2 10.0.0.1
PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.040 ms

--- 10.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:01	yes		   0.00
  2	02:00:00:00:00:02	yes		   0.00
  1	36:c0:d8:ba:5f:a5	no		   0.00
  2	7e:88:9b:8f:a4:60	no		   0.00
$ bridge fdb show br br0
33:33:00:00:00:01 dev br0 self permanent
01:00:5e:00:00:6a dev br0 self permanent
33:33:00:00:00:6a dev br0 self permanent
01:00:5e:00:00:01 dev br0 self permanent
33:33:ff:00:00:01 dev br0 self permanent
36:c0:d8:ba:5f:a5 dev veth1 master br0 
02:00:00:00:00:01 dev veth1 master br0 permanent
33:33:00:00:00:01 dev veth1 self permanent
01:00:5e:00:00:01 dev veth1 self permanent
33:33:ff:00:00:01 dev veth1 self permanent
7e:88:9b:8f:a4:60 dev veth2 master br0 
02:00:00:00:00:02 dev veth2 master br0 permanent
33:33:00:00:00:01 dev veth2 self permanent
01:00:5e:00:00:01 dev veth2 self permanent
33:33:ff:00:00:02 dev veth2 self permanent
$ ip neigh show dev br0
10.0.0.2 lladdr 7e:88:9b:8f:a4:60 DELAY 
10.0.0.1 lladdr 36:c0:d8:ba:5f:a5 DELAY 
