Numeric options at and beyond their bounds, as the real tools take or refuse them.
$ ip link set lo up
$ sysctl net.ipv4.ip_default_ttl=0
sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument
[1]
$ sysctl net.ipv4.ip_default_ttl=256
sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument
[1]
$ sysctl net.ipv4.ip_default_ttl=-1
sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument
[1]
$ sysctl net.ipv4.ip_default_ttl=255
net.ipv4.ip_default_ttl = 255
$ sysctl net.ipv4.ip_default_ttl=1
net.ipv4.ip_default_ttl = 1
$ sysctl net.ipv4.ip_default_ttl=64
net.ipv4.ip_default_ttl = 64
$ ping -i -1 -c 1 127.0.0.1 | grep -c bytes
2
$ ping -w 0 -c 1 127.0.0.1 | grep -c bytes
2
$ ping -W -5 -c 1 127.0.0.1
ping: bad linger time: -5
[2]
$ ping -t 0 -c 1 127.0.0.1
ping: cannot set unicast time-to-live: Invalid argument
[2]
$ ping -t 256 -c 1 127.0.0.1
ping: invalid argument: '256': out of range: 0 <= value <= 255
[1]
$ ping -c 0 127.0.0.1
ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807
[1]
$ ping -c -1 127.0.0.1
ping: invalid argument: '-1': out of range: 1 <= value <= 9223372036854775807
[1]
$ ping -s -1 -c 1 127.0.0.1
ping: invalid argument: '-1': out of range: 0 <= value <= 2147483647
[1]
$ ping -s 65508 -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 65508(65536) bytes of data.
ping: local error: message too long, mtu=65535

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ping -i abc -c 1 127.0.0.1
ping: option argument contains garbage: abc
ping: this will become fatal error in the future
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip link set lo mtu -1
Error: mtu less than device minimum.
[2]
$ ip link set v0 mtu 0
Cannot find device "v0"
[1]
$ ip link set lo mtu 4294967296
Error: argument "4294967296" is wrong: Invalid "mtu" value

[255]
$ ip link add v0 type veth peer name v1
$ ip link set v0 mtu 67
Error: mtu less than device minimum.
[2]
$ ip link set v0 mtu 68
$ ip link set v0 mtu 65536
Error: mtu greater than device maximum.
[2]
$ ip netns add x
$ ip netns set x -1
Error: argument "-1" is wrong: "netnsid" value should be >= 0
[255]
$ ip netns set x 4294967296
Error: argument "4294967296" is wrong: Invalid "netnsid" value
[255]
$ iptables -D INPUT 99999
iptables: No chain/target/match by that name.
[1]
$ iptables -D INPUT 0
iptables v1.8.9 (nf_tables): Invalid rule number `0'
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -I INPUT 0 -j ACCEPT
iptables v1.8.9 (nf_tables): Invalid rule number `0'
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:0
$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:65536
iptables v1.8.9 (nf_tables): Port `65536' not valid
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p tcp --dport 65536 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service `65536' specified
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p tcp --dport -1 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service `-1' specified
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -m limit --limit 0/sec -j ACCEPT
iptables v1.8.9 (nf_tables): bad rate "0/sec"'
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -m mark --mark 4294967296 -j ACCEPT
iptables v1.8.9 (nf_tables): mark: bad integer value for option "--mark", or out of range.

Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -t nat -S PREROUTING
-P PREROUTING ACCEPT
-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:0
