br_netfilter with NAT in the bridge's namespace: a MASQUERADE rule without `! -o br0` also rewrites bridged traffic, and the reply, un-NATed in PREROUTING, is bridged back to the original sender (br_nf_pre_routing_finish), so ping still sees the answer from 10.0.0.2 with TTL 64.
$ ip netns add ns0
$ ip netns add ns1
$ ip link add br0 type bridge
$ ip link set br0 up
$ ip link add v0 type veth peer name eth0 netns ns0
$ ip link add v1 type veth peer name eth0 netns ns1
$ ip link set v0 master br0
$ ip link set v1 master br0
$ ip link set v0 up
$ ip link set v1 up
$ ip -n ns0 addr add 10.0.0.1/24 dev eth0
$ ip -n ns1 addr add 10.0.0.2/24 dev eth0
$ ip -n ns0 link set eth0 up
$ ip -n ns1 link set eth0 up
$ ip netns exec ns0 ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ ip addr add 10.0.0.254/24 dev br0
$ ip netns exec ns0 ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.080 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ sysctl -q -w net.ipv4.ip_forward=1
$ iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE
$ ip netns exec ns0 ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ conntrack -L -p icmp
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.
icmp     1 29 src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=37436 src=10.0.0.2 dst=10.0.0.254 type=0 code=0 id=37436 mark=0 use=1
