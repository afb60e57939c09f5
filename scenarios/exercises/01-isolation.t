Answer to exercise 2 of docs/en/01-namespaces-and-loopback.md: lo is per namespace. Bringing
it up in `a` changes nothing in `b`, where 127.0.0.1 stays unreachable.
$ ip netns add a
$ ip netns add b
$ ip netns exec a ip link set lo up
$ ip netns exec a ip -br link
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
$ ip netns exec b ip -br link
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
$ ip netns exec a ping -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns exec b ping -c 1 127.0.0.1
ping: connect: Network is unreachable
[2]
