ip link: veth pairs (auto names, peer names, other namespaces), bridges, up/down and carrier states, mtu, address, rename, master, -br/-o/-j/-s, and the errors.
$ ip netns add ns0
$ ip link add type veth
$ ip link add type veth
$ ip link show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
3: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
4: veth2@veth3: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff
5: veth3@veth2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff
$ ip link add vethfoo type veth peer name vethbar
$ ip link add a type veth peer name b netns ns0
"type" is invalid lladdr.
[1]
$ ip link add name a type veth peer name b netns ns0
$ ip link show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
3: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
4: veth2@veth3: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff
5: veth3@veth2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff
6: vethbar@vethfoo: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff
7: vethfoo@vethbar: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff
8: a@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether ba:68:d3:d2:7d:1c brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip -n ns0 link show
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: b@if8: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 3e:92:2e:6a:9d:53 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip link show a
8: a@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether ba:68:d3:d2:7d:1c brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip link show dev veth0
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
$ ip link show veth1
3: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip link show nosuch
Device "nosuch" does not exist.
[1]
$ ip link show dev nosuch
Device "nosuch" does not exist.
[1]
$ ip -br link
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
veth0@veth1      DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,M-DOWN> 
veth1@veth0      DOWN           36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,M-DOWN> 
veth2@veth3      DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST,M-DOWN> 
veth3@veth2      DOWN           7e:88:9b:8f:a4:60 <BROADCAST,MULTICAST,M-DOWN> 
vethbar@vethfoo  DOWN           7a:46:02:32:67:66 <BROADCAST,MULTICAST,M-DOWN> 
vethfoo@vethbar  DOWN           be:b0:7e:94:cb:14 <BROADCAST,MULTICAST,M-DOWN> 
a@if2            DOWN           ba:68:d3:d2:7d:1c <BROADCAST,MULTICAST> 
$ ip -o link
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
3: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
4: veth2@veth3: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff
5: veth3@veth2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff
6: vethbar@vethfoo: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff
7: vethfoo@vethbar: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff
8: a@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/ether ba:68:d3:d2:7d:1c brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip -j link show veth0
[{"ifindex":2,"link":"veth1","ifname":"veth0","flags":["BROADCAST","MULTICAST","M-DOWN"],"mtu":1500,"qdisc":"noop","operstate":"DOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"6e:3b:9a:a7:67:f7","broadcast":"ff:ff:ff:ff:ff:ff"}]
$ ip -j -p link show veth0
[ {
        "ifindex": 2,
        "link": "veth1",
        "ifname": "veth0",
        "flags": [ "BROADCAST","MULTICAST","M-DOWN" ],
        "mtu": 1500,
        "qdisc": "noop",
        "operstate": "DOWN",
        "linkmode": "DEFAULT",
        "group": "default",
        "txqlen": 1000,
        "link_type": "ether",
        "address": "6e:3b:9a:a7:67:f7",
        "broadcast": "ff:ff:ff:ff:ff:ff"
    } ]
$ ip -s link show veth0
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    RX:  bytes packets errors dropped  missed   mcast           
             0       0      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
             0       0      0       0       0       0 
$ ip -s -s link show veth0
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    RX:  bytes packets errors dropped  missed   mcast           
             0       0      0       0       0       0 
    RX errors:  length    crc   frame    fifo overrun
                     0      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
             0       0      0       0       0       0 
    TX errors: aborted   fifo  window heartbt transns
                     0      0       0       0       1 
$ ip link show type veth
2: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
3: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
4: veth2@veth3: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff
5: veth3@veth2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff
6: vethbar@vethfoo: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff
7: vethfoo@vethbar: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff
8: a@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether ba:68:d3:d2:7d:1c brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip -br link show type veth
veth0@veth1      DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,M-DOWN> 
veth1@veth0      DOWN           36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,M-DOWN> 
veth2@veth3      DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST,M-DOWN> 
veth3@veth2      DOWN           7e:88:9b:8f:a4:60 <BROADCAST,MULTICAST,M-DOWN> 
vethbar@vethfoo  DOWN           7a:46:02:32:67:66 <BROADCAST,MULTICAST,M-DOWN> 
vethfoo@vethbar  DOWN           be:b0:7e:94:cb:14 <BROADCAST,MULTICAST,M-DOWN> 
a@if2            DOWN           ba:68:d3:d2:7d:1c <BROADCAST,MULTICAST> 
$ ip link show type bridge
$ ip link set veth0 up
$ ip link show veth0
2: veth0@veth1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
$ ip link show veth1
3: veth1@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip -br link show veth0
veth0@veth1      LOWERLAYERDOWN 6e:3b:9a:a7:67:f7 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
$ ip link set veth1 up
$ sleep 0.2
$ ip link show veth0
2: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
$ ip link show veth1
3: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip -br link
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
veth0@veth1      UP             6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,UP,LOWER_UP> 
veth1@veth0      UP             36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,UP,LOWER_UP> 
veth2@veth3      DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST,M-DOWN> 
veth3@veth2      DOWN           7e:88:9b:8f:a4:60 <BROADCAST,MULTICAST,M-DOWN> 
vethbar@vethfoo  DOWN           7a:46:02:32:67:66 <BROADCAST,MULTICAST,M-DOWN> 
vethfoo@vethbar  DOWN           be:b0:7e:94:cb:14 <BROADCAST,MULTICAST,M-DOWN> 
a@if2            DOWN           ba:68:d3:d2:7d:1c <BROADCAST,MULTICAST> 
$ ip link set veth1 down
$ ip link show veth0
2: veth0@veth1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
$ ip link show veth1
3: veth1@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip -br link show veth0
veth0@veth1      LOWERLAYERDOWN 6e:3b:9a:a7:67:f7 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
$ ip link set veth1 up
$ sleep 0.2
$ ip link set veth0 mtu 9000
$ ip link show veth0
2: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
$ ip link set veth0 mtu 70000
Error: mtu greater than device maximum.
[2]
$ ip link set veth0 mtu 10
Error: mtu less than device minimum.
[2]
$ ip link set veth0 mtu abc
Error: argument "abc" is wrong: Invalid "mtu" value

[255]
$ ip link set veth0 address 02:00:00:00:00:01
$ ip link show veth0
2: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
$ ip link set veth0 address 02:00:00:00:00
Invalid address length 5 - must be 6 bytes
[1]
$ ip link set veth0 address zz:00:00:00:00:01
"zz" is invalid lladdr.
[1]
$ ip link set veth0 address 01:00:00:00:00:01
RTNETLINK answers: Cannot assign requested address
[2]
$ ip link set veth0 name v0
$ ip link set veth0 down
Cannot find device "veth0"
[1]
$ ip link set veth0 name v0
Cannot find device "veth0"
[1]
$ ip link show v0
2: v0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
$ ip link show veth1
3: veth1@v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip link set v0 name veth1
RTNETLINK answers: File exists
[2]
$ ip link set v0 name 0123456789abcdefg
Error: argument "0123456789abcdefg" is wrong: "name" not a valid ifname
[255]
$ ip link set v0 name veth0
$ ip link del veth0
$ ip link show veth1
Device "veth1" does not exist.
[1]
$ ip link del nosuch
Cannot find device "nosuch"
[1]
$ ip link delete dev nosuch
Cannot find device "nosuch"
[1]
$ ip link set lo netns ns0
Error: The interface netns is immutable.
[2]
$ ip link add br0 type bridge
$ ip link set br0 netns ns0
Error: The interface netns is immutable.
[2]
$ ip link show br0
9: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 62:e6:88:7e:3a:a2 brd ff:ff:ff:ff:ff:ff
$ ip link add vx type veth peer name vy
$ ip link show vx
11: vx@vy: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 46:cc:1b:7f:a3:53 brd ff:ff:ff:ff:ff:ff
$ ip -n ns0 link show
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: b@if8: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 3e:92:2e:6a:9d:53 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip link set vx netns ns0
$ ip -n ns0 link show vx
11: vx@if10: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 46:cc:1b:7f:a3:53 brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip link add veth2 type veth
RTNETLINK answers: File exists
[2]
$ ip link add vethfoo type veth
RTNETLINK answers: File exists
[2]
$ ip link set nosuch up
Cannot find device "nosuch"
[1]
$ ip link set nosuch down
Cannot find device "nosuch"
[1]
$ ip link add name x type bogus
Error: Unknown device type.
[2]
$ ip link add name x
Not enough information: "type" argument is required
[1]
$ ip link set vethfoo master br0
$ ip link show master br0
7: vethfoo@vethbar: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br0 state DOWN mode DEFAULT group default qlen 1000
    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff
$ ip -br link show master br0
vethfoo@vethbar  DOWN           be:b0:7e:94:cb:14 <BROADCAST,MULTICAST,M-DOWN> 
$ ip link show master nosuch
Error: argument "nosuch" is wrong: Device does not exist

[255]
$ ip link show master vethbar
$ ip link set vethfoo master nosuch
Error: argument "nosuch" is wrong: Device does not exist

[255]
$ ip link set vethfoo nomaster
$ ip link show master br0
$ ip link set vethfoo netns nosuch
Error: argument "nosuch" is wrong: Invalid "netns" value

[255]
$ ip link set vethfoo netns 99999
RTNETLINK answers: No such process
[2]
$ ip link set vethbar up
$ ip link show vethbar
6: vethbar@vethfoo: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff
$ ip link set lo down
$ ip link show lo
1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
$ ip link set lo up
$ ip link show up
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
6: vethbar@vethfoo: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff
$ ip -br link show up
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
vethbar@vethfoo  LOWERLAYERDOWN 7a:46:02:32:67:66 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
$ ip -n ns0 link add p0 type veth peer name p1
$ ip -n ns0 link add p2 type veth peer name p3
$ ip -n ns0 -br link
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
b@if8            DOWN           3e:92:2e:6a:9d:53 <BROADCAST,MULTICAST> 
p1@p0            DOWN           6a:2f:1e:eb:f2:02 <BROADCAST,MULTICAST,M-DOWN> 
p0@p1            DOWN           a2:40:4b:7d:22:78 <BROADCAST,MULTICAST,M-DOWN> 
p3@p2            DOWN           e2:a8:8e:9b:8a:1a <BROADCAST,MULTICAST,M-DOWN> 
p2@p3            DOWN           22:df:16:0d:ae:19 <BROADCAST,MULTICAST,M-DOWN> 
vx@if10          DOWN           46:cc:1b:7f:a3:53 <BROADCAST,MULTICAST> 
$ ip -br link show veth2
veth2@veth3      DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST,M-DOWN> 
$ ip link set veth2 netns ns0
$ ip -n ns0 -br link
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
b@if8            DOWN           3e:92:2e:6a:9d:53 <BROADCAST,MULTICAST> 
p1@p0            DOWN           6a:2f:1e:eb:f2:02 <BROADCAST,MULTICAST,M-DOWN> 
p0@p1            DOWN           a2:40:4b:7d:22:78 <BROADCAST,MULTICAST,M-DOWN> 
p3@p2            DOWN           e2:a8:8e:9b:8a:1a <BROADCAST,MULTICAST,M-DOWN> 
p2@p3            DOWN           22:df:16:0d:ae:19 <BROADCAST,MULTICAST,M-DOWN> 
veth2@if5        DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST> 
vx@if10          DOWN           46:cc:1b:7f:a3:53 <BROADCAST,MULTICAST> 
$ ip -n ns0 link show veth2
7: veth2@if5: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff link-netnsid 0
$ ip link show veth3
5: veth3@if7: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netns ns0
$ ip link set veth3 netns ns0
$ ip -n ns0 link show veth3
8: veth3@veth2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff
$ ip -n ns0 link set veth3 netns 1
$ ip -n ns0 link set b name veth3
"name" is invalid lladdr.
[1]
$ ip -n ns0 link set dev b name veth3
$ ip -n ns0 -br link
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
veth3@if8        DOWN           3e:92:2e:6a:9d:53 <BROADCAST,MULTICAST> 
p1@p0            DOWN           6a:2f:1e:eb:f2:02 <BROADCAST,MULTICAST,M-DOWN> 
p0@p1            DOWN           a2:40:4b:7d:22:78 <BROADCAST,MULTICAST,M-DOWN> 
p3@p2            DOWN           e2:a8:8e:9b:8a:1a <BROADCAST,MULTICAST,M-DOWN> 
p2@p3            DOWN           22:df:16:0d:ae:19 <BROADCAST,MULTICAST,M-DOWN> 
veth2@if12       DOWN           e6:a6:e2:81:32:0d <BROADCAST,MULTICAST> 
vx@if10          DOWN           46:cc:1b:7f:a3:53 <BROADCAST,MULTICAST> 
$ ip link add vethfoo type veth peer name vethbar
RTNETLINK answers: File exists
[2]
$ ip link add v9 type veth peer name vethbar
RTNETLINK answers: File exists
[2]
$ ip link add v9 type veth peer name v9
RTNETLINK answers: File exists
[2]
$ ip link add v9 type veth peer v10
$ ip link show v9
15: v9@v10: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether f2:d3:df:0c:24:bd brd ff:ff:ff:ff:ff:ff
$ ip link add v11 type veth peer name lo
RTNETLINK answers: File exists
[2]
$ ip link show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
6: vethbar@vethfoo: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff
7: vethfoo@vethbar: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff
8: a@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether ba:68:d3:d2:7d:1c brd ff:ff:ff:ff:ff:ff link-netns ns0
9: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff
10: vy@if11: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 0a:1e:b3:e6:08:a2 brd ff:ff:ff:ff:ff:ff link-netns ns0
12: veth3@if7: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netns ns0
14: v10@v9: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether 46:cc:ee:93:c6:c4 brd ff:ff:ff:ff:ff:ff
15: v9@v10: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ether f2:d3:df:0c:24:bd brd ff:ff:ff:ff:ff:ff
