Docker's none mode: networking switched off; the container's namespace has only `lo`.
netsim: no-diff (the kernel sandbox has no docker).
$ docker run -d --name n --network none busybox sleep 3600
f47093377f8812b010a9e8c9fd96919e6179f81543f78828b59eaf8e5591aac8
$ explain docker run -d --name n2 --network none busybox sleep 3600
ip netns add 6433bf5ad499
ip netns exec 6433bf5ad499 ip link set lo up
$ docker exec n ip addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
$ docker exec n ip route
$ docker exec n ping -c 1 172.17.0.1
ping: connect: Network is unreachable
[2]
$ docker exec n ping -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ docker inspect -f '{{range .NetworkSettings.Networks}}[{{.IPAddress}}]{{end}} {{.HostConfig.NetworkMode}}' n
[] none
$ docker rm -f n
n
$ ip netns list
