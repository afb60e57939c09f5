The notes' bridge section: one bridge, three namespaces on veth ports, pings between them.
Host-side veths get fixed MACs so the bridge id (lowest port MAC) is the same on both backends.
Pings carry `-w 2` so the simulator's ping returns when answered (it otherwise idles out its linger).
$ brctl show
$ brctl addbr br0
$ brctl addbr br0
device br0 already exists; can't create bridge with the same name
[1]
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.000000000000	no		
$ ip netns add ns1
$ ip netns add ns2
$ ip netns add ns3
$ ip link add veth1 type veth peer name eth0 netns ns1
$ ip link add veth2 type veth peer name eth0 netns ns2
$ ip link add veth3 type veth peer name eth0 netns ns3
$ ip link set veth1 address 02:00:00:00:00:01
$ ip link set veth2 address 02:00:00:00:00:02
$ ip link set veth3 address 02:00:00:00:00:03
$ brctl addif br0 veth1
$ brctl addif br0 veth2
$ brctl addif br0 veth3
$ brctl addif br0 veth3
device veth3 is already a member of a bridge; can't add it to bridge br0.
[1]
$ brctl addif br0 nosuch
interface nosuch does not exist!
[1]
$ brctl addif nosuch veth1
bridge nosuch does not exist!
[1]
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.020000000001	no		veth1
							veth2
							veth3
$ brctl show nosuch
bridge nosuch does not exist!
[1]
$ bridge link
3: veth1@br0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 
4: veth2@br0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 
5: veth3@br0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 
$ ip link set veth1 up
$ ip link set veth2 up
$ ip link set veth3 up
$ ip link set br0 up
$ ip -n ns1 link set eth0 up
$ ip -n ns2 link set eth0 up
$ ip -n ns3 link set eth0 up
$ ip -n ns1 addr add 10.0.0.1/24 dev eth0
$ ip -n ns2 addr add 10.0.0.2/24 dev eth0
$ ip -n ns3 addr add 10.0.0.3/24 dev eth0
$ ip -n ns1 link show eth0
2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns2 link show eth0
2: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns3 link show eth0
2: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip link show br0
2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
$ bridge link
3: veth1@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
4: veth2@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
5: veth3@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
$ ip netns exec ns1 ping -c 2 -i 0.2 -w 2 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms
64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.080 ms

--- 10.0.0.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.080/0.120/0.160/0.040 ms
$ ip netns exec ns1 ping -c 2 -i 0.2 -w 2 10.0.0.3
PING 10.0.0.3 (10.0.0.3) 56(84) bytes of data.
64 bytes from 10.0.0.3: icmp_seq=1 ttl=64 time=0.160 ms
64 bytes from 10.0.0.3: icmp_seq=2 ttl=64 time=0.080 ms

--- 10.0.0.3 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.080/0.120/0.160/0.040 ms
$ ip netns exec ns2 ping -c 1 -w 2 10.0.0.3
PING 10.0.0.3 (10.0.0.3) 56(84) bytes of data.
64 bytes from 10.0.0.3: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.0.0.3 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.020000000001	no		veth1
							veth2
							veth3
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:01	yes		   0.00
  2	02:00:00:00:00:02	yes		   0.00
  3	02:00:00:00:00:03	yes		   0.00
  1	36:c0:d8:ba:5f:a5	no		   0.00
  2	7e:88:9b:8f:a4:60	no		   0.00
  3	be:b0:7e:94:cb:14	no		   0.00
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
be:b0:7e:94:cb:14 dev veth3 master br0 
02:00:00:00:00:03 dev veth3 master br0 permanent
33:33:00:00:00:01 dev veth3 self permanent
01:00:5e:00:00:01 dev veth3 self permanent
33:33:ff:00:00:03 dev veth3 self permanent
$ bridge fdb show dev veth1
36:c0:d8:ba:5f:a5 master br0 
02:00:00:00:00:01 master br0 permanent
33:33:00:00:00:01 self permanent
01:00:5e:00:00:01 self permanent
33:33:ff:00:00:01 self permanent
$ bridge link
3: veth1@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
4: veth2@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
5: veth3@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
$ bridge link show dev veth2
4: veth2@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
