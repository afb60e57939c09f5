Error messages and statuses checked against the real tools: ifname checks (iproute2) vs length (the kernel's netlink policy), unknown objects, missing arguments, sleep's quotes, bash's unterminated quote, gateways that resolve to local routes.
$ ip netns add ns0
$ ethtool -i nosuch
Cannot get driver information: No such device
[71]
$ ethtool -i lo
Cannot get driver information: Operation not supported
[71]
$ ip link del lo
RTNETLINK answers: Operation not supported
[2]
$ ip link add abcdefghijklmnopq type veth
Error: Attribute failed policy validation.
[2]
$ ip link add a/b type bridge
Error: argument "a/b" is wrong: "dev" not a valid ifname
[255]
$ ip route add prohibit 10.9.0.0/16
$ ip route get 10.9.1.1
RTNETLINK answers: Permission denied
[2]
$ ip foo
Object "foo" is unknown, try "ip help".
[1]
$ ip link foo
Command "foo" is unknown, try "ip link help".
[255]
$ ip -n nosuch link
Cannot open network namespace "nosuch": No such file or directory
[255]
$ ip -x link
Option "-x" is unknown, try "ip -help".
[255]
$ ip netns exec nosuch ip link
Cannot open network namespace "nosuch": No such file or directory
[255]
$ ip netns exec
No netns name specified
[1]
$ sysctl -w net.ipv4.conf.nosuch.forwarding=1
sysctl: cannot stat /proc/sys/net/ipv4/conf/nosuch/forwarding: No such file or directory
[1]
$ sysctl net.ipv4.conf.lo.forwarding
net.ipv4.conf.lo.forwarding = 0
$ grep
Usage: grep [OPTION]... PATTERNS [FILE]...
Try 'grep --help' for more information.
[2]
$ sleep
sleep: missing operand
Try 'sleep --help' for more information.
[1]
$ sleep abc
sleep: invalid time interval ‘abc’
Try 'sleep --help' for more information.
[1]
$ ip link | grep -c lo
2
$ ip addr add 10.0.0.1/24 dev lo label lo:x
$ ip addr show dev lo
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet 10.0.0.1/24 scope global lo:x
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
$ ip route add 10.5.0.0/16 via 10.0.0.9
$ ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev lo
$ echo 'unterminated
bash: -c: line 1: unexpected EOF while looking for matching `''
[2]
$ ip link set lo mtu abc
Error: argument "abc" is wrong: Invalid "mtu" value

[255]
$ ip addr add 300.1.1.1/24 dev lo
Error: any valid prefix is expected rather than "300.1.1.1/24".
[1]
$ ip route show
10.5.0.0/16 via 10.0.0.9 dev lo 
prohibit 10.9.0.0/16 
$ ip route add 10.6.0.0/16 via 127.0.0.1
$ ip route show
10.5.0.0/16 via 10.0.0.9 dev lo 
10.6.0.0/16 via 127.0.0.1 dev lo 
prohibit 10.9.0.0/16 
$ ip link add name abcdefghijklmnopq type veth
Error: argument "abcdefghijklmnopq" is wrong: "name" not a valid ifname
[255]
