From `docker run` down to the primitives: what the command did, found again with the tools
of the notes (`ip netns`, `ethtool -S` for the veth peer index, `brctl show`, `iptables`).
netsim: no-diff (the kernel sandbox has no docker).
$ explain docker run -d --name web -p 8080:80 nginx
iptables -t nat -N DOCKER
iptables -N DOCKER
iptables -N DOCKER-FORWARD
iptables -N DOCKER-BRIDGE
iptables -N DOCKER-CT
iptables -N DOCKER-ISOLATION-STAGE-1
iptables -N DOCKER-ISOLATION-STAGE-2
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
iptables -I FORWARD -j DOCKER-FORWARD
iptables -I DOCKER-FORWARD -j DOCKER-BRIDGE
iptables -I DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
iptables -I DOCKER-FORWARD -j DOCKER-CT
iptables -N DOCKER-USER
iptables -I FORWARD -j DOCKER-USER
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 brd 172.17.255.255 dev docker0
sysctl -w net.ipv4.ip_forward=1
iptables -P FORWARD DROP
iptables -t nat -I POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -I DOCKER -i docker0 -j RETURN
iptables -A DOCKER-FORWARD -i docker0 -j ACCEPT
iptables -A DOCKER ! -i docker0 -o docker0 -j DROP
iptables -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A DOCKER-BRIDGE -o docker0 -j DOCKER
iptables -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
iptables -I DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
ip link set docker0 up
ip netns add f47093377f88
ip link add veth433bf5a type veth peer name veth499b92c
ip link set veth433bf5a master docker0
iptables -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
ip link set veth433bf5a up
ip link set veth499b92c netns f47093377f88
ip netns exec f47093377f88 ip link set veth499b92c name eth0
ip netns exec f47093377f88 ip addr add 172.17.0.2/16 brd 172.17.255.255 dev eth0
ip netns exec f47093377f88 ip link set eth0 up
ip netns exec f47093377f88 ip link set lo up
ip netns exec f47093377f88 ip route add default via 172.17.0.1
iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
iptables -I DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
ip netns exec f47093377f88 nc -l -k -p 80 &
$ docker run -d --name web -p 8080:80 nginx
f47093377f8812b010a9e8c9fd96919e6179f81543f78828b59eaf8e5591aac8
$ ip netns list
f47093377f88 (id: 0)
$ docker exec web ethtool -S eth0
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
$ ip link show master docker0
4: veth433bf5a@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000
    link/ether 7e:88:9b:8f:a4:60 brd ff:ff:ff:ff:ff:ff link-netns f47093377f88
$ brctl show
bridge name	bridge id		STP enabled	interfaces
docker0		8000.7e889b8fa460	no		veth433bf5a
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
$ docker network create --subnet 10.10.0.0/24 backend
70de67e555febb93458b6655e6937a9d5e005ffe62745b9811f899e86679ec40
$ docker network ls
NETWORK ID     NAME      DRIVER    SCOPE
70de67e555fe   backend   bridge    local
d6e1670427d7   bridge    bridge    local
b28e98010d56   host      host      local
50ea07510d32   none      null      local
$ docker run -d --name db --network backend --ip 10.10.0.10 busybox sleep 3600
9fcecc236cdc3ce7a19906f7902190868e5340becf85d74a29fe2afb3c5fa727
$ docker run -d --name x --ip 172.17.0.9 busybox sleep 3600
docker: Error response from daemon: user specified IP address is supported on user defined networks only

Run 'docker run --help' for more information
[125]
$ docker exec db ip -br addr
lo               UNKNOWN        127.0.0.1/8 ::1/128 
eth0@if7         UP             10.10.0.10/24 fe80::bcb0:7eff:fe94:cb14/64 
$ docker exec db ping -c 1 -W 1 172.17.0.2
PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.

--- 172.17.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
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
-A DOCKER ! -i br-70de67e555fe -o br-70de67e555fe -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-BRIDGE -o br-70de67e555fe -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-CT -o br-70de67e555fe -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-FORWARD -i br-70de67e555fe -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -i br-70de67e555fe ! -o br-70de67e555fe -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o br-70de67e555fe -j DROP
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
$ iptables -t nat -S POSTROUTING
-P POSTROUTING ACCEPT
-A POSTROUTING -s 10.10.0.0/24 ! -o br-70de67e555fe -j MASQUERADE
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
$ docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' backend
10.10.0.0/24 10.10.0.1
$ docker network rm backend
Error response from daemon: error while removing network: network backend has active endpoints (name:"db" id:"091aaec1a99f")
[1]
$ explain docker rm -f db
iptables -t raw -D PREROUTING -d 10.10.0.10/32 ! -i br-70de67e555fe -j DROP
conntrack -D -s 10.10.0.10
conntrack -D -r 10.10.0.10
ip link delete vethcb265d2
ip netns delete 9fcecc236cdc
$ docker rm -f db web
db
web
$ docker network rm backend
backend
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
$ ip link
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
    link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff
$ docker run -d --name y --network nosuch busybox sleep 3600
docker: Error response from daemon: network nosuch not found

Run 'docker run --help' for more information
[125]
$ docker run -d --name y -p 8080:80/sctpx nginx
docker: invalid proto: sctpx

Run 'docker run --help' for more information
[125]
$ docker run -d --name y -p 8080:http nginx
docker: invalid containerPort: http

Run 'docker run --help' for more information
[125]
$ docker exec nosuch ip addr
Error response from daemon: No such container: nosuch
[1]
$ docker inspect -f '{{.Id}}' nosuch
Error: No such object: nosuch
[1]
