ip addr: add/del/flush/show with broadcast, secondaries, labels, families, scopes, JSON and brief forms, and the errors.
$ ip link add veth0 type veth peer name veth1
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip addr add 10.0.1.1/24 dev veth0
$ ip addr add 10.0.1.1/24 dev veth0
Error: ipv4: Address already assigned.
[2]
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
$ ip addr add 10.0.1.2 dev veth0
$ ip addr add 10.0.1.5/24 brd + dev veth0
$ ip addr add 10.0.2.1/24 dev veth0
$ ip addr add 10.0.2.2/24 dev veth0
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.2/32 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
$ ip -4 addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.2/32 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
$ ip -6 addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
$ ip link set veth0 up
$ ip link set veth1 up
$ ip -6 addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link tentative 
       valid_lft forever preferred_lft forever
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.2/32 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link tentative 
       valid_lft forever preferred_lft forever
$ sleep 2.5
$ ip -6 addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.2/32 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ ip addr show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link 
       valid_lft forever preferred_lft forever
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.2/32 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ ip -4 addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.2/32 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
$ ip -6 addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP qlen 1000
    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link 
       valid_lft forever preferred_lft forever
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP qlen 1000
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ ip -br addr
lo               UNKNOWN        127.0.0.1/8 ::1/128 
veth1@veth0      UP             fe80::6c3b:9aff:fea7:67f7/64 
veth0@veth1      UP             10.0.1.1/24 10.0.1.2/32 10.0.2.1/24 10.0.1.5/24 10.0.2.2/24 fe80::34c0:d8ff:feba:5fa5/64 
$ ip -br -4 addr
lo               UNKNOWN        127.0.0.1/8 
veth0@veth1      UP             10.0.1.1/24 10.0.1.2/32 10.0.2.1/24 10.0.1.5/24 10.0.2.2/24 
$ ip -o addr
1: lo    inet 127.0.0.1/8 scope host lo\       valid_lft forever preferred_lft forever
1: lo    inet6 ::1/128 scope host \       valid_lft forever preferred_lft forever
2: veth1    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link \       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.1.1/24 scope global veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.1.2/32 scope global veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.2.1/24 scope global veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.2.2/24 scope global secondary veth0\       valid_lft forever preferred_lft forever
3: veth0    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link \       valid_lft forever preferred_lft forever
$ ip -o -4 addr show dev veth0
3: veth0    inet 10.0.1.1/24 scope global veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.1.2/32 scope global veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.2.1/24 scope global veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.1.5/24 brd 10.0.1.255 scope global secondary veth0\       valid_lft forever preferred_lft forever
3: veth0    inet 10.0.2.2/24 scope global secondary veth0\       valid_lft forever preferred_lft forever
$ ip -j addr show dev veth0
[{"ifindex":3,"link":"veth1","ifname":"veth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"36:c0:d8:ba:5f:a5","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"10.0.1.1","prefixlen":24,"scope":"global","label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.1.2","prefixlen":32,"scope":"global","label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.2.1","prefixlen":24,"scope":"global","label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.1.5","prefixlen":24,"broadcast":"10.0.1.255","scope":"global","secondary":true,"label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.2.2","prefixlen":24,"scope":"global","secondary":true,"label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"fe80::34c0:d8ff:feba:5fa5","prefixlen":64,"scope":"link","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
$ ip -j -4 addr show dev veth0
[{"ifindex":3,"link":"veth1","ifname":"veth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"addr_info":[{"family":"inet","local":"10.0.1.1","prefixlen":24,"scope":"global","label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.1.2","prefixlen":32,"scope":"global","label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.2.1","prefixlen":24,"scope":"global","label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.1.5","prefixlen":24,"broadcast":"10.0.1.255","scope":"global","secondary":true,"label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.0.2.2","prefixlen":24,"scope":"global","secondary":true,"label":"veth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
$ ip addr show dev nosuch
Device "nosuch" does not exist.
[1]
$ ip addr del 10.0.1.2 dev veth0
Warning: Executing wildcard deletion to stay compatible with old scripts.
         Explicitly specify the prefix length (10.0.1.2/32) to avoid this warning.
         This special behaviour is likely to disappear in further releases,
         fix your scripts!
$ ip addr del 10.0.1.2/32 dev veth0
Error: ipv4: Address not found.
[2]
$ ip addr del 10.0.1.1/24 dev veth0
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ ip addr del 10.0.1.77/24 dev veth0
Error: ipv4: Address not found.
[2]
$ ip addr del 10.0.9.9 dev veth0
Warning: Executing wildcard deletion to stay compatible with old scripts.
         Explicitly specify the prefix length (10.0.9.9/32) to avoid this warning.
         This special behaviour is likely to disappear in further releases,
         fix your scripts!
Error: ipv4: Address not found.
[2]
$ ip addr add 10.0.1.300/24 dev veth0
Error: any valid prefix is expected rather than "10.0.1.300/24".
[1]
$ ip addr add 10.0.1.1/33 dev veth0
Error: any valid prefix is expected rather than "10.0.1.1/33".
[1]
$ ip addr add foo dev veth0
Error: any valid prefix is expected rather than "foo".
[1]
$ ip addr add 10.0.1.1/24
Not enough information: "dev" argument is required.
[1]
$ ip addr add 10.0.0.1/8 dev nosuch
Cannot find device "nosuch"
[1]
$ ip addr add 10.0.3.1/24 dev veth0 label veth0:1
$ ip addr add 10.0.4.1/24 broadcast 10.0.4.255 dev veth0
$ ip addr add fd00::1/64 dev veth0
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
    inet 10.0.2.1/24 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.3.1/24 scope global veth0:1
       valid_lft forever preferred_lft forever
    inet 10.0.4.1/24 brd 10.0.4.255 scope global veth0
       valid_lft forever preferred_lft forever
    inet 10.0.2.2/24 scope global secondary veth0
       valid_lft forever preferred_lft forever
    inet6 fd00::1/64 scope global 
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ sleep 2.5
$ ip -6 addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    inet6 fd00::1/64 scope global 
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link 
       valid_lft forever preferred_lft forever
$ ip -4 route
10.0.2.0/24 dev veth0 proto kernel scope link src 10.0.2.1 
10.0.3.0/24 dev veth0 proto kernel scope link src 10.0.3.1 
10.0.4.0/24 dev veth0 proto kernel scope link src 10.0.4.1 
$ ip route show table local
local 10.0.2.1 dev veth0 proto kernel scope host src 10.0.2.1 
local 10.0.2.2 dev veth0 proto kernel scope host src 10.0.2.1 
broadcast 10.0.2.255 dev veth0 proto kernel scope link src 10.0.2.1 
local 10.0.3.1 dev veth0 proto kernel scope host src 10.0.3.1 
broadcast 10.0.3.255 dev veth0 proto kernel scope link src 10.0.3.1 
local 10.0.4.1 dev veth0 proto kernel scope host src 10.0.4.1 
broadcast 10.0.4.255 dev veth0 proto kernel scope link src 10.0.4.1 
local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 
$ ip addr flush dev veth0
$ ip addr show dev veth0
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip addr flush dev nosuch
Device "nosuch" does not exist.
[1]
$ ip -4 addr flush dev veth0
$ ip addr add 10.0.5.1/24 dev veth1
$ ip link set veth1 down
$ ip addr show dev veth1
2: veth1@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    inet 10.0.5.1/24 scope global veth1
       valid_lft forever preferred_lft forever
$ ip link set veth1 up
$ ip addr show dev veth1
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    inet 10.0.5.1/24 scope global veth1
       valid_lft forever preferred_lft forever
    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link tentative 
       valid_lft forever preferred_lft forever
$ ip addr add 10.0.6.1/24 dev veth1
$ ip addr show veth1
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    inet 10.0.5.1/24 scope global veth1
       valid_lft forever preferred_lft forever
    inet 10.0.6.1/24 scope global veth1
       valid_lft forever preferred_lft forever
    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link tentative 
       valid_lft forever preferred_lft forever
$ ip addr show up
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    inet 10.0.5.1/24 scope global veth1
       valid_lft forever preferred_lft forever
    inet 10.0.6.1/24 scope global veth1
       valid_lft forever preferred_lft forever
    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link tentative 
       valid_lft forever preferred_lft forever
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip addr show lo
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
$ ip addr add 127.0.0.2/8 dev lo
$ ip addr show lo
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet 127.0.0.2/8 scope host secondary lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
$ ip addr show to 10.0.5.0/24
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    inet 10.0.5.1/24 scope global veth1
       valid_lft forever preferred_lft forever
$ ip addr show scope link
2: veth1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff
    inet6 fe80::6c3b:9aff:fea7:67f7/64 scope link tentative 
       valid_lft forever preferred_lft forever
3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip -br addr
lo               UNKNOWN        127.0.0.1/8 127.0.0.2/8 ::1/128 
veth1@veth0      UP             10.0.5.1/24 10.0.6.1/24 fe80::6c3b:9aff:fea7:67f7/64 
veth0@veth1      UP             
$ ip addr help
Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ nomaster ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
[255]
