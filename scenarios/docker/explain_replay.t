A bridge-mode `docker run -d --name web -p 8080:80 nginx`, replayed as the plain commands that
`explain docker run -d --name web -p 8080:80 nginx` prints (default seed; first the daemon's
start-up with Docker Engine v28.5.2's chains and rules), then the commands `explain docker stop web`
prints, so that `netsim diff` compares docker's primitives with the kernel. The container's
listener (`nc -l -k -p 80 &`) is left out.
$ iptables -t nat -N DOCKER
$ iptables -N DOCKER
$ iptables -N DOCKER-FORWARD
$ iptables -N DOCKER-BRIDGE
$ iptables -N DOCKER-CT
$ iptables -N DOCKER-ISOLATION-STAGE-1
$ iptables -N DOCKER-ISOLATION-STAGE-2
$ iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
$ iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
$ iptables -I FORWARD -j DOCKER-FORWARD
$ iptables -I DOCKER-FORWARD -j DOCKER-BRIDGE
$ iptables -I DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
$ iptables -I DOCKER-FORWARD -j DOCKER-CT
$ iptables -N DOCKER-USER
$ iptables -I FORWARD -j DOCKER-USER
$ ip link add docker0 type bridge
$ ip addr add 172.17.0.1/16 brd 172.17.255.255 dev docker0
$ sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ iptables -P FORWARD DROP
$ iptables -t nat -I POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
$ iptables -t nat -I DOCKER -i docker0 -j RETURN
$ iptables -A DOCKER-FORWARD -i docker0 -j ACCEPT
$ iptables -A DOCKER ! -i docker0 -o docker0 -j DROP
$ iptables -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
$ iptables -A DOCKER-BRIDGE -o docker0 -j DOCKER
$ iptables -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
$ iptables -I DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
$ ip link set docker0 up
$ ip netns add f47093377f88
$ ip link add veth433bf5a type veth peer name veth499b92c
$ ip link set veth433bf5a master docker0
$ iptables -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
$ ip link set veth433bf5a up
$ ip link set veth499b92c netns f47093377f88
$ ip netns exec f47093377f88 ip link set veth499b92c name eth0
$ ip netns exec f47093377f88 ip addr add 172.17.0.2/16 brd 172.17.255.255 dev eth0
$ ip netns exec f47093377f88 ip link set eth0 up
$ ip netns exec f47093377f88 ip link set lo up
$ ip netns exec f47093377f88 ip route add default via 172.17.0.1
$ iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
$ iptables -I DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
$ ip link show docker0
2: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff
$ ip netns list
f47093377f88 (id: 0)
$ ip netns exec f47093377f88 ip addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
3: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netnsid 0
    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::34c0:d8ff:feba:5fa5/64 scope link tentative 
       valid_lft forever preferred_lft forever
$ ip netns exec f47093377f88 ip route
default via 172.17.0.1 dev eth0 
172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 
$ ip link show master docker0
4: veth433bf5a@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000
    link/ether e6:a6:e2:81:32:0d brd ff:ff:ff:ff:ff:ff link-netns f47093377f88
$ ip netns exec f47093377f88 ethtool -S eth0
NIC statistics:
     peer_ifindex: 4
     rx_queue_0_xdp_packets: 0
     rx_queue_0_xdp_bytes: 0
     rx_queue_0_drops: 0
     rx_queue_0_xdp_redirect: 0
     rx_queue_0_xdp_drops: 0
     rx_queue_0_xdp_tx: 0
     rx_queue_0_xdp_tx_errors: 0
     tx_queue_0_xdp_xmit: 0
     tx_queue_0_xdp_xmit_errors: 0
$ iptables -S
-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-BRIDGE
-N DOCKER-CT
-N DOCKER-FORWARD
-N DOCKER-ISOLATION-STAGE-1
-N DOCKER-ISOLATION-STAGE-2
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
$ iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
$ iptables -t raw -S
-P PREROUTING ACCEPT
-P OUTPUT ACCEPT
-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
$ ping -c 1 172.17.0.2
PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.
64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=0.080 ms

--- 172.17.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec f47093377f88 ping -c 1 172.17.0.1
PING 172.17.0.1 (172.17.0.1) 56(84) bytes of data.
64 bytes from 172.17.0.1: icmp_seq=1 ttl=64 time=0.040 ms

--- 172.17.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ conntrack -L -p icmp
conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.
icmp     1 29 src=172.17.0.1 dst=172.17.0.2 type=8 code=0 id=34940 src=172.17.0.2 dst=172.17.0.1 type=0 code=0 id=34940 mark=0 use=1
icmp     1 29 src=172.17.0.2 dst=172.17.0.1 type=8 code=0 id=24740 src=172.17.0.1 dst=172.17.0.2 type=0 code=0 id=24740 mark=0 use=1
$ iptables -t nat -D DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
$ iptables -D DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
$ iptables -t raw -D PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
$ conntrack -D -s 172.17.0.2
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.
icmp     1 29 src=172.17.0.2 dst=172.17.0.1 type=8 code=0 id=24740 src=172.17.0.1 dst=172.17.0.2 type=0 code=0 id=24740 mark=0 use=1
$ conntrack -D -r 172.17.0.2
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.
icmp     1 29 src=172.17.0.1 dst=172.17.0.2 type=8 code=0 id=34940 src=172.17.0.2 dst=172.17.0.1 type=0 code=0 id=34940 mark=0 use=1
$ ip link delete veth433bf5a
$ ip netns delete f47093377f88
$ ip link show master docker0
$ ip netns list
$ conntrack -L -p icmp
conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
$ iptables -S DOCKER
-N DOCKER
-A DOCKER ! -i docker0 -o docker0 -j DROP
$ iptables -t nat -S DOCKER
-N DOCKER
-A DOCKER -i docker0 -j RETURN
$ iptables -t raw -S PREROUTING
-P PREROUTING ACCEPT
