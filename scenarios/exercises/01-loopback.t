Answer to exercise 1 of docs/en/01-namespaces-and-loopback.md: a new namespace's lo is down,
so even 127.0.0.1 is unreachable; once lo is up, every address in 127.0.0.0/8 is local.
$ ip netns add lab
$ ip netns exec lab ping -c 1 127.0.0.1
ping: connect: Network is unreachable
[2]
$ ip netns exec lab ip link set lo up
$ ip netns exec lab ping -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns exec lab ping -c 1 127.1.2.3
PING 127.1.2.3 (127.1.2.3) 56(84) bytes of data.
64 bytes from 127.1.2.3: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.1.2.3 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
