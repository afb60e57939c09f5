Docker's container mode: a new container joins a named container's namespace (same
interfaces, same IP, same ports, same `lo`). netsim: no-diff (the kernel sandbox has no docker).
$ docker run -d --name web nginx
f47093377f8812b010a9e8c9fd96919e6179f81543f78828b59eaf8e5591aac8
$ docker run -d --name side --network container:web busybox sleep 3600
70de67e555febb93458b6655e6937a9d5e005ffe62745b9811f899e86679ec40
$ explain docker run -d --name side2 --network container:web busybox sleep 3600
$ docker exec web ip -br addr
lo               UNKNOWN        127.0.0.1/8 ::1/128 
eth0@if4         UP             172.17.0.2/16 fe80::e4a6:e2ff:fe81:320d/64 
$ docker exec side ip -br addr
lo               UNKNOWN        127.0.0.1/8 ::1/128 
eth0@if4         UP             172.17.0.2/16 fe80::e4a6:e2ff:fe81:320d/64 
$ docker inspect -f '{{.HostConfig.NetworkMode}}' side
container:f47093377f8812b010a9e8c9fd96919e6179f81543f78828b59eaf8e5591aac8
$ ip netns list
f47093377f88 (id: 0)
$ docker exec side ping -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ docker run -d --name bad --network container:nosuch busybox sleep 1
docker: Error response from daemon: No such container: nosuch

Run 'docker run --help' for more information
[125]
$ docker run -d --name bad -p 80:80 --network container:web busybox sleep 1
docker: Error response from daemon: conflicting options: port publishing and the container type network mode

Run 'docker run --help' for more information
[125]
$ docker rm -f side web
side
web
$ ip netns list
