Docker's bridge mode (the default), built by the simulator's `docker` out of namespaces, veth
pairs, the docker0 bridge and iptables NAT. netsim: no-diff (the kernel sandbox has no docker;
`explain_replay.t` replays the same plain commands against the kernel).
A container's network namespace is named after the first 12 hex digits of its id, so that
`ip netns list` shows it (real Docker keeps it under /run/docker/netns).
An "outside" namespace plays the rest of the world, reached through the host's 192.0.2.1.
$ ip netns add outside
$ ip link add uplink type veth peer name ext0
$ ip link set ext0 netns outside
$ ip addr add 192.0.2.1/24 dev uplink
$ ip link set uplink up
$ ip netns exec outside ip addr add 192.0.2.2/24 dev ext0
$ ip netns exec outside ip link set ext0 up
$ docker run -d --name web -p 8080:80 nginx
ccbedcbac7c065cbfc0716ad863ce621c3ce619393586d048c3ddbab89a279a6
$ docker run -d --name app busybox sleep 3600
373a763d3a945990cca3c6b31ec0d12767b5653e8aefeca4d844a00ddcb53313
$ docker ps
CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS                                     NAMES
373a763d3a94   busybox   "sleep 3600"             Less than a second ago   Up Less than a second                                             app
ccbedcbac7c0   nginx     "/docker-entrypoint.…"   Less than a second ago   Up Less than a second   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
$ docker inspect -f '{{.NetworkSettings.IPAddress}}/{{.NetworkSettings.IPPrefixLen}} gw {{.NetworkSettings.Gateway}}' web
172.17.0.2/16 gw 172.17.0.1
$ docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' app
172.17.0.3
$ docker exec web ip addr show eth0
5: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 7a:46:02:32:67:66 brd ff:ff:ff:ff:ff:ff link-netnsid 0
    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::7846:2ff:fe32:6766/64 scope link tentative 
       valid_lft forever preferred_lft forever
$ docker exec web ip route
default via 172.17.0.1 dev eth0 
172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 
$ ip link show master docker0
6: vethf5a5368@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000
    link/ether be:b0:7e:94:cb:14 brd ff:ff:ff:ff:ff:ff link-netns ccbedcbac7c0
8: vethfc6cbec@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000
    link/ether ba:68:d3:d2:7d:1c brd ff:ff:ff:ff:ff:ff link-netns 373a763d3a94
$ docker exec app ping -c 2 -i 0.2 172.17.0.2
PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.
64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=0.160 ms
64 bytes from 172.17.0.2: icmp_seq=2 ttl=64 time=0.080 ms

--- 172.17.0.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.080/0.120/0.160/0.040 ms
$ docker exec web ping -c 1 172.17.0.1
PING 172.17.0.1 (172.17.0.1) 56(84) bytes of data.
64 bytes from 172.17.0.1: icmp_seq=1 ttl=64 time=0.080 ms

--- 172.17.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ docker exec app ping -c 1 192.0.2.2
PING 192.0.2.2 (192.0.2.2) 56(84) bytes of data.
64 bytes from 192.0.2.2: icmp_seq=1 ttl=63 time=0.160 ms

--- 192.0.2.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.160/0.160/0.160/0.000 ms
$ conntrack -L
conntrack v1.4.7 (conntrack-tools): 3 flow entries have been shown.
icmp     1 29 src=172.17.0.3 dst=172.17.0.2 type=8 code=0 id=58976 src=172.17.0.2 dst=172.17.0.3 type=0 code=0 id=58976 mark=0 use=1
icmp     1 29 src=172.17.0.2 dst=172.17.0.1 type=8 code=0 id=41530 src=172.17.0.1 dst=172.17.0.2 type=0 code=0 id=41530 mark=0 use=1
icmp     1 29 src=172.17.0.3 dst=192.0.2.2 type=8 code=0 id=7688 src=192.0.2.2 dst=192.0.2.1 type=0 code=0 id=7688 mark=0 use=1
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
$ iptables -S FORWARD
-P FORWARD DROP
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
$ iptables -S DOCKER-FORWARD
-N DOCKER-FORWARD
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
$ iptables -t raw -S PREROUTING
-P PREROUTING ACCEPT
-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
-A PREROUTING -d 172.17.0.3/32 ! -i docker0 -j DROP
$ ip netns exec outside ping -c 1 -W 1 172.17.0.2
ping: connect: Network is unreachable
[2]
$ ip netns exec outside ip route add 172.17.0.0/16 via 192.0.2.1
$ ip netns exec outside ping -c 1 -W 1 172.17.0.2
PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.

--- 172.17.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ iptables -S DOCKER
-N DOCKER
-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
-A DOCKER ! -i docker0 -o docker0 -j DROP
$ sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 1
$ docker rm web
Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove
[1]
$ docker rm -f web app
web
app
$ docker ps -a
CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
$ ip netns list
outside (id: 0)
$ conntrack -L
conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
$ iptables -t nat -S DOCKER
-N DOCKER
-A DOCKER -i docker0 -j RETURN
