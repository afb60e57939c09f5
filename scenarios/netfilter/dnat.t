DNAT port publishing: ns1 publishes ns2's web server (10.0.2.2:80) on its own address
10.0.1.1 port 8080; nc -z from ns0 to the router's address reaches the listener behind it.
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
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns2 nc -l -k -p 80 &
$ ip netns exec ns1 iptables -t nat -A PREROUTING -i veth1 -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8080
Connection to 10.0.1.1 8080 port [tcp/http-alt] succeeded!
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8081
nc: connect to 10.0.1.1 port 8081 (tcp) failed: Connection refused
[1]
$ ip netns exec ns1 conntrack -L
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.
tcp      6 119 TIME_WAIT src=10.0.1.2 dst=10.0.1.1 sport=32768 dport=8080 src=10.0.2.2 dst=10.0.1.2 sport=80 dport=32768 [ASSURED] mark=0 use=1
$ ip netns exec ns1 iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    1    60 DNAT       6    --  veth1  *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:10.0.2.2:80

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
$ ip netns exec ns1 iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A PREROUTING -i veth1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80
$ ip netns exec ns2 ss -ltn
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      1            0.0.0.0:80        0.0.0.0:*          
$ ip netns exec ns1 iptables -t nat -A PREROUTING -i veth1 -p udp --dport 5353 -j DNAT --to-destination 10.0.2.2
$ ip netns exec ns2 nc -l -u -k -p 5353 &
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.1 5353
Connection to 10.0.1.1 5353 port [udp/mdns] succeeded!
$ ip netns exec ns1 conntrack -L -p udp
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.
udp      17 29 src=10.0.1.2 dst=10.0.1.1 sport=32770 dport=5353 [UNREPLIED] src=10.0.2.2 dst=10.0.1.2 sport=5353 dport=32770 mark=0 use=1
