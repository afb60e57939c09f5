Answer to exercise 1 of docs/en/06-docker-network-modes.md: ethtool -S eth0 inside the
container gives the ifindex of its peer on the host; `ip link show master docker0` lists that
index. netsim: no-diff (uses the simulator-only `docker` front end; the kernel sandbox has no
docker).
$ docker run -d --name api -p 9000:80 httpd
f47093377f8812b010a9e8c9fd96919e6179f81543f78828b59eaf8e5591aac8
$ docker exec api ethtool -S eth0 | grep peer_ifindex
     peer_ifindex: 4
$ ip link show master docker0 | grep -E '^4:'
4: veth433bf5a@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000
$ iptables -t nat -S DOCKER
-N DOCKER
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i docker0 -p tcp -m tcp --dport 9000 -j DNAT --to-destination 172.17.0.2:80
