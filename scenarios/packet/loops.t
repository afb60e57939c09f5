Loops. netsim: no-diff — a real broadcast storm is not something to run on the kernel (it would spin the machine's CPUs until the loop is cut), so this scenario is checked against the simulator only. With STP off, a bridge cabled to itself or two bridges joined twice turn one broadcast (the ARP request of a ping) into a storm: the simulator stops the command when it has moved the frame budget (--max-frames, 1000000 by default), drops every frame in flight and says so; the ping stops sending and still prints its summary, and later commands work (an unresolved neighbour is retried, so the storm starts again until the loop is cut). A routing loop needs no budget: the TTL ends it (routing-loop.t, which is compared with the kernel). The last command shows that a long ping also meets the budget, two frames per echo over loopback: its summary counts every answer, even after the 16-bit icmp_seq wrapped (it wraps at 65536 in iputils too).
$ ip netns add sw
$ ip netns add h1
$ ip netns add h2
$ ip -n sw link add br0 type bridge
$ ip -n sw link add p1 type veth peer name p2
$ ip link add eth0 netns h1 type veth peer name s1 netns sw
$ ip link add eth0 netns h2 type veth peer name s2 netns sw
$ ip -n sw link set p1 master br0
$ ip -n sw link set p2 master br0
$ ip -n sw link set s1 master br0
$ ip -n sw link set s2 master br0
$ ip -n sw link set br0 up
$ ip -n sw link set p1 up
$ ip -n sw link set p2 up
$ ip -n sw link set s1 up
$ ip -n sw link set s2 up
$ ip -n h1 addr add 10.0.0.1/24 dev eth0
$ ip -n h2 addr add 10.0.0.2/24 dev eth0
$ ip -n h1 link set eth0 up
$ ip -n h2 link set eth0 up
$ ip netns exec h1 ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
netsim: frame budget of 1000000 frames for one command exceeded (a loop? last frame arrived at p2); raise it with --max-frames

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip -n sw link show br0
2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff
$ ip netns exec h1 ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
netsim: frame budget of 1000000 frames for one command exceeded (a loop? last frame arrived at p2); raise it with --max-frames

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip -n sw link set p2 nomaster
$ ip netns exec h1 ping -c 2 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.160 ms
64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.080 ms

--- 10.0.0.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 1000ms
rtt min/avg/max/mdev = 0.080/0.120/0.160/0.040 ms
$ ip netns add a
$ ip netns add b
$ ip netns add h3
$ ip netns add h4
$ ip -n a link add br1 type bridge
$ ip -n b link add br2 type bridge
$ ip link add x1 netns a type veth peer name y1 netns b
$ ip link add x2 netns a type veth peer name y2 netns b
$ ip link add eth0 netns h3 type veth peer name s3 netns a
$ ip link add eth0 netns h4 type veth peer name s4 netns b
$ ip -n a link set x1 master br1
$ ip -n a link set x2 master br1
$ ip -n a link set s3 master br1
$ ip -n b link set y1 master br2
$ ip -n b link set y2 master br2
$ ip -n b link set s4 master br2
$ ip -n a link set br1 up
$ ip -n b link set br2 up
$ ip -n a link set x1 up
$ ip -n a link set x2 up
$ ip -n a link set s3 up
$ ip -n b link set y1 up
$ ip -n b link set y2 up
$ ip -n b link set s4 up
$ ip -n h3 addr add 10.0.1.3/24 dev eth0
$ ip -n h4 addr add 10.0.1.4/24 dev eth0
$ ip -n h3 link set eth0 up
$ ip -n h4 link set eth0 up
$ ip netns exec h3 ping -c 3 -i 0.2 10.0.1.4
PING 10.0.1.4 (10.0.1.4) 56(84) bytes of data.
netsim: frame budget of 1000000 frames for one command exceeded (a loop? last frame arrived at x1); raise it with --max-frames

--- 10.0.1.4 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip -n a link del x2
$ ip netns exec h3 ping -c 2 10.0.1.4
PING 10.0.1.4 (10.0.1.4) 56(84) bytes of data.
64 bytes from 10.0.1.4: icmp_seq=1 ttl=64 time=800 ms
64 bytes from 10.0.1.4: icmp_seq=2 ttl=64 time=0.120 ms

--- 10.0.1.4 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 1000ms
rtt min/avg/max/mdev = 0.120/400.180/800.240/400.060 ms
$ ping -q -c 1000000 -i 0.2 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
netsim: frame budget of 1000000 frames for one command exceeded (a loop? last frame arrived at lo); raise it with --max-frames

--- 127.0.0.1 ping statistics ---
500001 packets transmitted, 500000 received, 0% packet loss, time 100000000ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
