A router between two subnets: connected routes, default via, ip route get, ip_forward off and on, TTL exceeded, net/host unreachable, blackhole/unreachable/prohibit routes, route replace/del, link down flushing routes. The sleeps keep the router below the kernel's ICMP error rate limit (burst 6, then 1 per second per destination), which the simulator models too.
$ ip netns add ns0
$ ip netns add ns1
$ ip netns add ns2
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip link add veth2 netns ns1 type veth peer name veth3 netns ns2
$ ip -n ns0 addr add 10.0.1.2/24 dev veth0
$ ip -n ns1 addr add 10.0.1.1/24 dev veth1
$ ip -n ns1 addr add 10.0.2.1/24 dev veth2
$ ip -n ns2 addr add 10.0.2.2/24 dev veth3
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns1 link set veth2 up
$ ip -n ns2 link set veth3 up
$ ip -n ns0 link set lo up
$ ip -n ns1 link set lo up
$ ip -n ns2 link set lo up
$ ip netns exec ns0 ip route
10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.2 
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.2
ping: connect: Network is unreachable
[2]
$ ip netns exec ns0 ip route add default via 10.9.9.9
Error: Nexthop has invalid gateway.
[2]
$ ip netns exec ns0 ip route add default via 10.0.1.1
$ ip netns exec ns0 ip route add default via 10.0.1.1
RTNETLINK answers: File exists
[2]
$ ip netns exec ns2 ip route add default via 10.0.2.1
$ ip netns exec ns0 ip route
default via 10.0.1.1 dev veth0 
10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.2 
$ ip netns exec ns0 ip route show table local
local 10.0.1.2 dev veth0 proto kernel scope host src 10.0.1.2 
broadcast 10.0.1.255 dev veth0 proto kernel scope link src 10.0.1.2 
local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 
$ ip netns exec ns0 ip route get 10.0.2.2
10.0.2.2 via 10.0.1.1 dev veth0 src 10.0.1.2 uid 0 
    cache 
$ ip netns exec ns0 ip route get 10.0.1.2
local 10.0.1.2 dev lo src 10.0.1.2 uid 0 
    cache <local> 
$ ip netns exec ns0 ip route get 10.0.1.1
10.0.1.1 dev veth0 src 10.0.1.2 uid 0 
    cache 
$ ip netns exec ns0 ip route get 127.0.0.1
local 127.0.0.1 dev lo src 127.0.0.1 uid 0 
    cache <local> 
$ ip netns exec ns1 ip route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
10.0.2.0/24 dev veth2 proto kernel scope link src 10.0.2.1 
$ ip netns exec ns1 ip route get 10.0.2.2
10.0.2.2 dev veth2 src 10.0.2.1 uid 0 
    cache 
$ ip netns exec ns1 sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 0
$ sleep 2
$ ip netns exec ns0 ping -c 2 -i 0.2 -W 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.

--- 10.0.2.2 ping statistics ---
2 packets transmitted, 0 received, 100% packet loss, time 200ms

[1]
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.1
PING 10.0.2.1 (10.0.2.1) 56(84) bytes of data.
64 bytes from 10.0.2.1: icmp_seq=1 ttl=64 time=0.040 ms

--- 10.0.2.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip netns exec ns0 ping -c 2 -i 0.2 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.120 ms
64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=0.080 ms

--- 10.0.2.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.080/0.100/0.120/0.020 ms
$ ip netns exec ns0 ping -c 1 -t 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Time to live exceeded

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec ns0 ping -c 2 -i 0.2 -t 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Time to live exceeded
From 10.0.1.1 icmp_seq=2 Time to live exceeded

--- 10.0.2.2 ping statistics ---
2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 200ms

[1]
$ ip netns exec ns0 ping -c 1 -t 2 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.080 ms

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.99
PING 10.0.2.99 (10.0.2.99) 56(84) bytes of data.

--- 10.0.2.99 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns0 ping -c 4 10.0.2.99
PING 10.0.2.99 (10.0.2.99) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Host Unreachable
From 10.0.1.1 icmp_seq=2 Destination Host Unreachable
From 10.0.1.1 icmp_seq=3 Destination Host Unreachable
From 10.0.1.1 icmp_seq=4 Destination Host Unreachable

--- 10.0.2.99 ping statistics ---
4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 3000ms
pipe 3
[1]
$ sleep 6
$ ip netns exec ns0 ping -c 1 -W 1 10.0.3.3
PING 10.0.3.3 (10.0.3.3) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Net Unreachable

--- 10.0.3.3 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec ns1 ip route add 10.0.3.0/24 via 10.0.2.99
$ ip netns exec ns1 ip route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
10.0.2.0/24 dev veth2 proto kernel scope link src 10.0.2.1 
10.0.3.0/24 via 10.0.2.99 dev veth2 
$ ip netns exec ns1 ip route add 10.0.3.0/24 via 10.0.2.99
RTNETLINK answers: File exists
[2]
$ ip netns exec ns1 ip route replace 10.0.3.0/24 via 10.0.2.2
$ ip netns exec ns1 ip route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
10.0.2.0/24 dev veth2 proto kernel scope link src 10.0.2.1 
10.0.3.0/24 via 10.0.2.2 dev veth2 
$ ip netns exec ns1 ip route add 10.0.4.0/24 dev veth2
$ ip netns exec ns1 ip route add 10.0.5.0/24 via 10.0.2.2 metric 100
$ ip netns exec ns1 ip route add blackhole 10.0.6.0/24
$ ip netns exec ns1 ip route add unreachable 10.0.7.0/24
$ ip netns exec ns1 ip route add prohibit 10.0.8.0/24
$ ip netns exec ns1 ip route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
10.0.2.0/24 dev veth2 proto kernel scope link src 10.0.2.1 
10.0.3.0/24 via 10.0.2.2 dev veth2 
10.0.4.0/24 dev veth2 scope link 
10.0.5.0/24 via 10.0.2.2 dev veth2 metric 100 
blackhole 10.0.6.0/24 
unreachable 10.0.7.0/24 
prohibit 10.0.8.0/24 
$ ip netns exec ns1 ip -br route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
10.0.2.0/24 dev veth2 proto kernel scope link src 10.0.2.1 
10.0.3.0/24 via 10.0.2.2 dev veth2 
10.0.4.0/24 dev veth2 scope link 
10.0.5.0/24 via 10.0.2.2 dev veth2 metric 100 
blackhole 10.0.6.0/24 
unreachable 10.0.7.0/24 
prohibit 10.0.8.0/24 
$ ip netns exec ns1 ip -j route
[{"dst":"10.0.1.0/24","dev":"veth1","protocol":"kernel","scope":"link","prefsrc":"10.0.1.1","flags":[]},{"dst":"10.0.2.0/24","dev":"veth2","protocol":"kernel","scope":"link","prefsrc":"10.0.2.1","flags":[]},{"dst":"10.0.3.0/24","gateway":"10.0.2.2","dev":"veth2","flags":[]},{"dst":"10.0.4.0/24","dev":"veth2","scope":"link","flags":[]},{"dst":"10.0.5.0/24","gateway":"10.0.2.2","dev":"veth2","metric":100,"flags":[]},{"type":"blackhole","dst":"10.0.6.0/24","flags":[]},{"type":"unreachable","dst":"10.0.7.0/24","flags":[]},{"type":"prohibit","dst":"10.0.8.0/24","flags":[]}]
$ sleep 6
$ ip netns exec ns0 ping -c 1 -W 1 10.0.6.1
PING 10.0.6.1 (10.0.6.1) 56(84) bytes of data.

--- 10.0.6.1 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ sleep 6
$ ip netns exec ns0 ping -c 1 -W 1 10.0.7.1
PING 10.0.7.1 (10.0.7.1) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Host Unreachable

--- 10.0.7.1 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 6
$ ip netns exec ns0 ping -c 1 -W 1 10.0.8.1
PING 10.0.8.1 (10.0.8.1) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Packet filtered

--- 10.0.8.1 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec ns1 ping -c 1 -W 1 10.0.6.1
ping: connect: Invalid argument
[2]
$ ip netns exec ns1 ping -c 1 -W 1 10.0.7.1
ping: connect: No route to host
[2]
$ ip netns exec ns1 ping -c 1 -W 1 10.0.8.1
ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules
[2]
$ ip netns exec ns1 ip route get 10.0.6.1
RTNETLINK answers: Invalid argument
[2]
$ ip netns exec ns1 ip route get 10.0.7.1
RTNETLINK answers: No route to host
[2]
$ ip netns exec ns1 ip route del 10.0.3.0/24
$ ip netns exec ns1 ip route del 10.0.3.0/24
RTNETLINK answers: No such process
[2]
$ ip netns exec ns1 ip route del 10.99.0.0/16
RTNETLINK answers: No such process
[2]
$ ip netns exec ns1 ip route add 10.0.9.0/24 via 10.0.2.2 dev veth1
Error: Nexthop has invalid gateway.
[2]
$ ip netns exec ns1 ip route add 10.0.9.0/24 dev nosuch
Cannot find device "nosuch"
[1]
$ ip netns exec ns1 ip route add 10.0.9.0/33 dev veth1
Error: any valid prefix is expected rather than "10.0.9.0/33".
[1]
$ ip netns exec ns1 ip route add 10.0.9.1/24 dev veth1
Error: Invalid prefix for given prefix length.
[2]
$ ip netns exec ns0 ip route get 10.9.9.9
10.9.9.9 via 10.0.1.1 dev veth0 src 10.0.1.2 uid 0 
    cache 
$ ip netns exec ns1 ip route get 10.9.9.9
RTNETLINK answers: Network is unreachable
[2]
$ ip netns exec ns0 ip route del default
$ ip netns exec ns0 ip route del default
RTNETLINK answers: No such process
[2]
$ ip netns exec ns0 ip route replace default via 10.0.1.1
$ ip netns exec ns0 ip route replace default via 10.0.1.1
$ ip netns exec ns0 ip route
default via 10.0.1.1 dev veth0 
10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.2 
$ ip netns exec ns0 ip route show default
default via 10.0.1.1 dev veth0 
$ ip netns exec ns0 ip route list 10.0.1.0/24
10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.2 
$ ip netns exec ns1 ip neigh
10.0.2.99 dev veth2 FAILED 
10.0.2.2 dev veth2 lladdr e6:a6:e2:81:32:0d STALE 
10.0.1.2 dev veth1 lladdr 36:c0:d8:ba:5f:a5 DELAY 
$ ip netns exec ns1 ip neigh show dev veth2
10.0.2.99 FAILED 
10.0.2.2 lladdr e6:a6:e2:81:32:0d STALE 
$ ip netns exec ns1 ip neigh flush dev veth2
$ ip netns exec ns1 ip neigh
10.0.1.2 dev veth1 lladdr 36:c0:d8:ba:5f:a5 DELAY 
$ ip netns exec ns1 ip link set veth2 down
$ ip netns exec ns1 ip route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
blackhole 10.0.6.0/24 
unreachable 10.0.7.0/24 
prohibit 10.0.8.0/24 
$ sleep 7
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Net Unreachable

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec ns1 ip link set veth2 up
$ ip netns exec ns1 ip route
10.0.1.0/24 dev veth1 proto kernel scope link src 10.0.1.1 
10.0.2.0/24 dev veth2 proto kernel scope link src 10.0.2.1 
blackhole 10.0.6.0/24 
unreachable 10.0.7.0/24 
prohibit 10.0.8.0/24 
