Packets passing the five hooks of a router (the notes' section 8): a counting rule in
every chain of the mangle table and in the filter chains of the router ns1, while ns0
pings ns2 through it and pings ns1 itself. Each echo request and reply is counted once per
chain it passes.
$ ip netns add ns0
$ ip netns add ns1
$ ip netns add ns2
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip link add veth2 netns ns1 type veth peer name veth3 netns ns2
$ ip -n ns0 addr add 10.0.1.2/24 dev veth0
$ ip -n ns1 addr add 10.0.1.1/24 dev veth1
$ ip -n ns1 addr add 10.0.2.1/24 dev veth2
$ ip -n ns2 addr add 10.0.2.2/24 dev veth3
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns1 link set veth2 up
$ ip -n ns2 link set veth3 up
$ ip -n ns0 link set lo up
$ ip -n ns1 link set lo up
$ ip -n ns2 link set lo up
$ ip -n ns0 route add default via 10.0.1.1
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns1 iptables -t mangle -A PREROUTING
$ ip netns exec ns1 iptables -t mangle -A INPUT
$ ip netns exec ns1 iptables -t mangle -A FORWARD
$ ip netns exec ns1 iptables -t mangle -A OUTPUT
$ ip netns exec ns1 iptables -t mangle -A POSTROUTING
$ ip netns exec ns1 iptables -A INPUT -p icmp
$ ip netns exec ns1 iptables -A FORWARD -i veth1 -o veth2
$ ip netns exec ns1 iptables -A FORWARD -i veth2 -o veth1
$ ip netns exec ns1 iptables -A OUTPUT -p icmp
$ ip netns exec ns0 ping -c 2 -i 0.2 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.160 ms
64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=0.080 ms

--- 10.0.2.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.080/0.120/0.160/0.040 ms
$ ip netns exec ns1 iptables -t mangle -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    4   336            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    4   336            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    4   336            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ ip netns exec ns1 iptables -L -n -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            1    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    2   168            0    --  veth1  veth2   0.0.0.0/0            0.0.0.0/0           
    2   168            0    --  veth2  veth1   0.0.0.0/0            0.0.0.0/0           

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            1    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ ip netns exec ns0 ping -c 1 10.0.1.1
PING 10.0.1.1 (10.0.1.1) 56(84) bytes of data.
64 bytes from 10.0.1.1: icmp_seq=1 ttl=64 time=0.040 ms

--- 10.0.1.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ ip netns exec ns1 iptables -t mangle -L -n -v -x
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       5      420            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       1       84            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       4      336            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       1       84            0    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       5      420            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ ip netns exec ns1 iptables -L -n -v -x
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       1       84            1    --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       2      168            0    --  veth1  veth2   0.0.0.0/0            0.0.0.0/0           
       2      168            0    --  veth2  veth1   0.0.0.0/0            0.0.0.0/0           

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       1       84            1    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ ip netns exec ns1 iptables -Z
$ ip netns exec ns1 iptables -P FORWARD DROP
$ ip netns exec ns0 ping -c 1 -W 1 10.0.2.2
PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.

--- 10.0.2.2 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns1 iptables -L FORWARD -n -v
Chain FORWARD (policy DROP 1 packets, 84 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    1    84            0    --  veth1  veth2   0.0.0.0/0            0.0.0.0/0           
    0     0            0    --  veth2  veth1   0.0.0.0/0            0.0.0.0/0           
$ ip netns exec ns1 iptables -t mangle -L FORWARD -n -v
Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    5   420            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
