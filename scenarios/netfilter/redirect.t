REDIRECT: ns1 sends TCP arriving from ns0 for port 8080 to its own listener on port 80
(PREROUTING), and its own connections to port 8081 to the same listener (OUTPUT).
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
$ ip netns exec ns1 nc -l -k -p 80 &
$ ip netns exec ns1 iptables -t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 80
$ ip netns exec ns1 iptables -t nat -A OUTPUT -p tcp --dport 8081 -j REDIRECT --to-ports 80
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8080
Connection to 10.0.1.1 8080 port [tcp/http-alt] succeeded!
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8081
nc: connect to 10.0.1.1 port 8081 (tcp) failed: Connection refused
[1]
$ ip netns exec ns1 nc -z -v -w 1 127.0.0.1 8081
Connection to 127.0.0.1 8081 port [tcp/tproxy] succeeded!
$ ip netns exec ns1 nc -z -v -w 1 10.0.2.1 8081
Connection to 10.0.2.1 8081 port [tcp/tproxy] succeeded!
$ ip netns exec ns1 conntrack -L
conntrack v1.4.7 (conntrack-tools): 3 flow entries have been shown.
tcp      6 119 TIME_WAIT src=10.0.1.2 dst=10.0.1.1 sport=32768 dport=8080 src=10.0.1.1 dst=10.0.1.2 sport=80 dport=32768 [ASSURED] mark=0 use=1
tcp      6 119 TIME_WAIT src=127.0.0.1 dst=127.0.0.1 sport=32768 dport=8081 src=127.0.0.1 dst=127.0.0.1 sport=80 dport=32768 [ASSURED] mark=0 use=1
tcp      6 119 TIME_WAIT src=10.0.2.1 dst=10.0.2.1 sport=32769 dport=8081 src=127.0.0.1 dst=10.0.2.1 sport=80 dport=32769 [ASSURED] mark=0 use=1
$ ip netns exec ns1 iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    1    60 REDIRECT   6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 redir ports 80

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    2   120 REDIRECT   6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8081 redir ports 80

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
