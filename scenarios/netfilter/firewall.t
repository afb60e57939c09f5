A filter firewall on ns1 with user chains, RETURN, a DROP policy and REJECT: what ping and
nc see from ns0 (Destination Port Unreachable, Connection refused from a tcp-reset, a
timeout from DROP), and the counters afterwards.
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
$ ip netns exec ns1 nc -l -k -p 22 &
$ ip netns exec ns1 nc -l -k -p 80 &
$ ip netns exec ns1 iptables -N SERVICES
$ ip netns exec ns1 iptables -N ICMP
$ ip netns exec ns1 iptables -A INPUT -i lo -j ACCEPT
$ ip netns exec ns1 iptables -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
$ ip netns exec ns1 iptables -A INPUT -p icmp -j ICMP
$ ip netns exec ns1 iptables -A INPUT -p tcp -j SERVICES
$ ip netns exec ns1 iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
$ ip netns exec ns1 iptables -A INPUT -p udp -j REJECT
$ ip netns exec ns1 iptables -A ICMP -p icmp --icmp-type echo-request -s 10.0.1.3 -j RETURN
$ ip netns exec ns1 iptables -A ICMP -p icmp --icmp-type echo-request -j ACCEPT
$ ip netns exec ns1 iptables -A SERVICES -p tcp --dport 22 -j ACCEPT
$ ip netns exec ns1 iptables -A SERVICES -p tcp --dport 8080 -j DROP
$ ip netns exec ns1 iptables -A SERVICES -p tcp --dport 80 -s 10.0.1.0/24 -j RETURN
$ ip netns exec ns1 iptables -A SERVICES -p tcp --dport 80 -j ACCEPT
$ ip netns exec ns1 iptables -P INPUT DROP
$ ip netns exec ns0 ping -c 1 10.0.1.1
PING 10.0.1.1 (10.0.1.1) 56(84) bytes of data.
64 bytes from 10.0.1.1: icmp_seq=1 ttl=64 time=0.080 ms

--- 10.0.1.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 22
Connection to 10.0.1.1 22 port [tcp/ssh] succeeded!
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 80
nc: connect to 10.0.1.1 port 80 (tcp) failed: Connection refused
[1]
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8080
nc: connect to 10.0.1.1 port 8080 (tcp) timed out: Operation now in progress
[1]
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 23
nc: connect to 10.0.1.1 port 23 (tcp) failed: Connection refused
[1]
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.1 53
[1]
$ ip netns exec ns1 iptables -L -n -v
Chain INPUT (policy DROP 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     0    --  lo     *       0.0.0.0/0            0.0.0.0/0           
    3   156 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED
    1    84 ICMP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
    4   240 SERVICES   6    --  *      *       0.0.0.0/0            0.0.0.0/0           
    2   120 REJECT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with tcp-reset
    1    29 REJECT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain ICMP (1 references)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 RETURN     1    --  *      *       10.0.1.3             0.0.0.0/0            icmptype 8
    1    84 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8

Chain SERVICES (1 references)
 pkts bytes target     prot opt in     out     source               destination         
    1    60 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22
    1    60 DROP       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080
    1    60 RETURN     6    --  *      *       10.0.1.0/24          0.0.0.0/0            tcp dpt:80
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:80
$ ip netns exec ns1 iptables -D ICMP 2
$ ip netns exec ns1 iptables -A INPUT -p icmp -j REJECT
$ ip netns exec ns0 ping -c 1 10.0.1.1
PING 10.0.1.1 (10.0.1.1) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Port Unreachable

--- 10.0.1.1 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec ns1 iptables -L INPUT -n -v --line-numbers
Chain INPUT (policy DROP 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 ACCEPT     0    --  lo     *       0.0.0.0/0            0.0.0.0/0           
2        3   156 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED
3        2   168 ICMP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
4        4   240 SERVICES   6    --  *      *       0.0.0.0/0            0.0.0.0/0           
5        2   120 REJECT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with tcp-reset
6        1    29 REJECT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable
7        1    84 REJECT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable
$ ip netns exec ns1 iptables -L ICMP -n -v
Chain ICMP (1 references)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 RETURN     1    --  *      *       10.0.1.3             0.0.0.0/0            icmptype 8
$ ip netns exec ns1 conntrack -L
conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.
icmp     1 28 src=10.0.1.2 dst=10.0.1.1 type=8 code=0 id=18041 src=10.0.1.1 dst=10.0.1.2 type=0 code=0 id=18041 mark=0 use=1
tcp      6 118 TIME_WAIT src=10.0.1.2 dst=10.0.1.1 sport=32768 dport=22 src=10.0.1.1 dst=10.0.1.2 sport=22 dport=32768 [ASSURED] mark=0 use=1
