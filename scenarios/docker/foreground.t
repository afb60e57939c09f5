netsim: no-diff (the docker front end exists only in the simulator)
`docker run` without -d runs the container's command in the foreground: its output, its
exit status, then the container has exited (and is removed with --rm). A command that never
exits, or an interactive shell, needs -d.
$ docker run --rm busybox ip -br -4 addr show eth0
eth0@if4         UP             172.17.0.2/16 
$ docker run --name pinger busybox ping -c 1 172.17.0.1
PING 172.17.0.1 (172.17.0.1) 56(84) bytes of data.
64 bytes from 172.17.0.1: icmp_seq=1 ttl=64 time=0.080 ms

--- 172.17.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ docker ps -a
CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                              PORTS     NAMES
458b6655e693   busybox   "ping -c 1 172.17.0.1"   Less than a second ago   Exited (0) Less than a second ago             pinger
$ docker run busybox false
[1]
$ docker run busybox
$ docker run nginx
netsim: docker: `docker run` without -d of `nginx -g 'daemon off;'`, which never exits (use -d) is not supported by the simulator
[127]
$ docker run -it busybox sh
netsim: docker: an interactive container shell (`docker run -it ... sh`) is not supported by the simulator
[127]
$ docker run --network host busybox ip -br link show lo
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
$ explain docker run --rm busybox ip -br addr
ip netns add 99fa113c7042
ip link add vethfaa1eaf type veth peer name vethaf49f79
ip link set vethfaa1eaf master docker0
iptables -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
ip link set vethfaa1eaf up
ip link set vethaf49f79 netns 99fa113c7042
ip netns exec 99fa113c7042 ip link set vethaf49f79 name eth0
ip netns exec 99fa113c7042 ip addr add 172.17.0.2/16 brd 172.17.255.255 dev eth0
ip netns exec 99fa113c7042 ip link set eth0 up
ip netns exec 99fa113c7042 ip link set lo up
ip netns exec 99fa113c7042 ip route add default via 172.17.0.1
ip netns exec 99fa113c7042 ip -br addr
