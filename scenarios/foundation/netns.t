ip netns: add, list, list-id, set, identify, pids, exec, delete, -all, and their errors (from the kernel captures).
$ ip netns list
$ ip netns add ns0
$ ip netns add ns1
$ ip netns list
ns1
ns0
$ ip netns add ns0
Cannot create namespace file "/run/netns/ns0": File exists
[1]
$ ip netns list-id
$ ip netns set ns0 5
$ ip netns list
ns1
ns0 (id: 5)
$ ip netns list-id
nsid 5 (iproute2 netns name: ns0)
$ ip netns set ns1 auto
$ ip netns list
ns1 (id: 0)
ns0 (id: 5)
$ ip netns list-id
nsid 0 (iproute2 netns name: ns1)
nsid 5 (iproute2 netns name: ns0)
$ ip netns add ns2
$ ip netns list
ns2
ns1 (id: 0)
ns0 (id: 5)
$ ip netns set ns2 5
Error: The specified nsid is already used.
[2]
$ ip netns set ns2 -3
Error: argument "-3" is wrong: "netnsid" value should be >= 0
[255]
$ ip netns set nosuch 7
Cannot open network namespace "nosuch": No such file or directory
[1]
$ ip netns identify

$ ip netns exec ns0 ip netns identify
ns0
$ ip netns exec ns0 ip link
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
$ ip netns exec ns0 ip -br link
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
$ ip netns exec nosuch ip link
Cannot open network namespace "nosuch": No such file or directory
[255]
$ ip netns exec ns0
No command specified
[1]
$ ip netns exec ns0 nosuchcommand
exec of "nosuchcommand" failed: No such file or directory
[1]
$ ip netns exec ns0 false
[1]
$ ip netns pids ns0
$ sleep 0.3
$ ip netns pids nosuch
Cannot open network namespace: No such file or directory
[1]
$ ip -all netns exec ip link

netns: ns2
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00

netns: ns1
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00

netns: ns0
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
$ ip -all netns exec ip -br link

netns: ns2
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 

netns: ns1
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 

netns: ns0
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
$ ip netns delete ns2
$ sleep 2
$ ip netns delete ns2
Cannot remove namespace file "/run/netns/ns2": No such file or directory
[1]
$ sleep 2
$ ip netns del nosuch
Cannot remove namespace file "/run/netns/nosuch": No such file or directory
[1]
$ sleep 2
$ ip netns list
ns1 (id: 0)
ns0 (id: 5)
$ ip netns list-id
nsid 0 (iproute2 netns name: ns1)
nsid 5 (iproute2 netns name: ns0)
$ ip link add veth0 type veth peer name veth1
$ ip link set veth1 netns ns0
$ ip link show veth0
3: veth0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip netns list-id
nsid 0 (iproute2 netns name: ns1)
nsid 5 (iproute2 netns name: ns0)
$ ip netns list
ns1 (id: 0)
ns0 (id: 5)
$ ip netns exec ns0 ip link show veth1
2: veth1@if3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns0 link show
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: veth1@if3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n nosuch link show
Cannot open network namespace "nosuch": No such file or directory
[255]
$ ip netns exec ns0 ip netns list-id
nsid 0 
$ ip netns delete ns0
$ sleep 2
$ ip link show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
$ sleep 1
$ ip link show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
$ ip netns add ns3
$ ip link add veth2 type veth peer name veth3 netns ns3
$ ip netns list
ns3 (id: 1)
ns1 (id: 0)
$ ip netns list-id
nsid 0 (iproute2 netns name: ns1)
nsid 1 (iproute2 netns name: ns3)
$ ip link show veth2
4: veth2@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netns ns3
$ ip -n ns3 link show veth3
2: veth3@if4: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip -n ns3 netns list-id
nsid 0 
$ ip netns list
ns3 (id: 1)
ns1 (id: 0)
$ ip netns help
Usage:	ip netns list
	ip netns add NAME
	ip netns attach NAME PID
	ip netns set NAME NETNSID
	ip [-all] netns delete [NAME]
	ip netns identify [PID]
	ip netns pids NAME
	ip [-all] netns exec [NAME] cmd ...
	ip netns monitor
	ip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
NETNSID := auto | POSITIVE-INT
[255]
$ ip netns foo
Command "foo" is unknown, try "ip netns help".
[255]
$ ip netns add
No netns name specified
[1]
$ ip netns add a/b
Invalid netns name "a/b"
[255]
$ ip netns add ''
Invalid netns name ""
[255]
$ ip netns add ns1
Cannot create namespace file "/run/netns/ns1": File exists
[1]
$ ip netns delete ns1
$ sleep 2
$ ip netns list
ns3 (id: 1)
$ ip -all netns delete
$ ip netns list
$ ip netns
