Port removal with `brctl delif`, `brctl delbr` refused while the bridge is up, done after down.
(No `showmacs` while peer1 is up: the kernel learns peer1 from its IPv6 chatter, which the
simulator does not model. `sleep 1`: the kernel's linkwatch tells the bridge about the port's
carrier up to a second later.)
$ brctl addbr br0
$ ip link add veth1 type veth peer name peer1
$ ip link add veth2 type veth peer name peer2
$ ip link set veth1 address 02:00:00:00:00:01
$ ip link set veth2 address 02:00:00:00:00:02
$ ip link set peer1 address 02:00:00:00:01:01
$ ip link set peer2 address 02:00:00:00:01:02
$ bridge fdb show
33:33:00:00:00:01 dev br0 self permanent
6e:3b:9a:a7:67:f7 dev br0 master br0 permanent
33:33:00:00:00:01 dev peer1 self permanent
33:33:00:00:00:01 dev veth1 self permanent
33:33:00:00:00:01 dev peer2 self permanent
33:33:00:00:00:01 dev veth2 self permanent
$ brctl addif br0 veth1 veth2
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.020000000001	no		veth1
							veth2
$ ip link set br0 up
$ ip link show br0
2: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
$ ip link set veth1 up
$ ip link set peer1 up
$ sleep 1
$ ip link show br0
2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
$ bridge link
4: veth1@peer1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 
6: veth2@peer2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 
$ brctl delif br0 veth1
$ brctl delif br0 veth1
device veth1 is not a port of br0
[1]
$ brctl delif br0 nosuch
interface nosuch does not exist!
[1]
$ brctl delif nosuch veth1
bridge nosuch does not exist!
[1]
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.020000000002	no		veth2
$ ip link show br0
2: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  2	02:00:00:00:00:02	yes		   0.00
$ bridge link
6: veth2@peer2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 
$ brctl delbr br0
bridge br0 is still up; can't delete it
[1]
$ brctl delbr nosuch
bridge nosuch doesn't exist; can't delete it
[1]
$ brctl delbr veth1
can't delete bridge veth1: Operation not permitted
[1]
$ brctl delif br0 veth2
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.000000000000	no		
$ ip link show br0
2: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff
$ bridge fdb show
33:33:00:00:00:01 dev br0 self permanent
01:00:5e:00:00:6a dev br0 self permanent
33:33:00:00:00:6a dev br0 self permanent
01:00:5e:00:00:01 dev br0 self permanent
33:33:ff:00:00:01 dev br0 self permanent
33:33:00:00:00:01 dev peer1 self permanent
01:00:5e:00:00:01 dev peer1 self permanent
33:33:ff:00:01:01 dev peer1 self permanent
33:33:00:00:00:01 dev veth1 self permanent
01:00:5e:00:00:01 dev veth1 self permanent
33:33:ff:00:00:01 dev veth1 self permanent
33:33:00:00:00:01 dev peer2 self permanent
33:33:00:00:00:01 dev veth2 self permanent
$ ip link set br0 down
$ brctl delbr br0
$ brctl show
$ ip link show veth2
6: veth2@peer2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
