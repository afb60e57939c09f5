br_netfilter on and off: three namespaces on bridge br0. While
net.bridge.bridge-nf-call-iptables=1 (the default once br_netfilter is loaded) bridged IPv4
goes through iptables' FORWARD chain, so `-p icmp -j DROP` stops pings between two ports and
`-m physdev --physdev-in/--physdev-out ... --physdev-is-bridged` rules see the bridge ports;
after `sysctl -w net.bridge.bridge-nf-call-iptables=0` the bridge no longer calls iptables
and the same rules (and their counters) stay untouched.
IPv6 is switched off first so that no IPv6 autoconfiguration traffic (not modelled) is counted.
$ ip link add br0 type bridge
$ sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip netns add ns1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip link add veth1 type veth peer name eth0 netns ns1
$ ip link set veth1 master br0
$ ip link set veth1 up
$ ip -n ns1 addr add 10.0.0.1/24 dev eth0
$ ip -n ns1 link set eth0 up
$ ip netns add ns2
$ ip netns exec ns2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns2 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip link add veth2 type veth peer name eth0 netns ns2
$ ip link set veth2 master br0
$ ip link set veth2 up
$ ip -n ns2 addr add 10.0.0.2/24 dev eth0
$ ip -n ns2 link set eth0 up
$ ip netns add ns3
$ ip netns exec ns3 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns3 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip link add veth3 type veth peer name eth0 netns ns3
$ ip link set veth3 master br0
$ ip link set veth3 up
$ ip -n ns3 addr add 10.0.0.3/24 dev eth0
$ ip -n ns3 link set eth0 up
$ ip link set br0 up
$ sysctl net.bridge.bridge-nf-call-iptables
net.bridge.bridge-nf-call-iptables = 1
$ ip netns exec ns1 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ iptables -A FORWARD -p icmp -j DROP
$ ip netns exec ns1 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns3 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ iptables -I FORWARD -m physdev --physdev-in veth3 --physdev-is-bridged -j ACCEPT
$ iptables -I FORWARD 2 -m physdev --physdev-out veth3 --physdev-is-bridged -j ACCEPT
$ ip netns exec ns3 ping -c 2 -i 0.2 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.080 ms
64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.080 ms

--- 10.0.0.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec ns1 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ iptables -L FORWARD -n -v
Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    2   168 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-in veth3 --physdev-is-bridged
    2   168 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-out veth3 --physdev-is-bridged
    3   252 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ iptables -S FORWARD
-P FORWARD ACCEPT
-A FORWARD -m physdev --physdev-in veth3 --physdev-is-bridged -j ACCEPT
-A FORWARD -m physdev --physdev-out veth3 --physdev-is-bridged -j ACCEPT
-A FORWARD -p icmp -j DROP
$ sysctl -w net.bridge.bridge-nf-call-iptables=0
net.bridge.bridge-nf-call-iptables = 0
$ ip netns exec ns1 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.080 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec ns3 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.080 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ iptables -L FORWARD -n -v
Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    2   168 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-in veth3 --physdev-is-bridged
    2   168 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-out veth3 --physdev-is-bridged
    3   252 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ sysctl -w net.bridge.bridge-nf-call-iptables=1
net.bridge.bridge-nf-call-iptables = 1
$ ip netns exec ns1 ping -c 1 -W 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ iptables -L FORWARD -n -v
Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    2   168 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-in veth3 --physdev-is-bridged
    2   168 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-out veth3 --physdev-is-bridged
    4   336 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
