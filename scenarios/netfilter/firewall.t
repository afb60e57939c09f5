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
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 22
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 80
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 8080
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.1 23
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.1 53
$ ip netns exec ns1 iptables -L -n -v
$ ip netns exec ns1 iptables -D ICMP 2
$ ip netns exec ns1 iptables -A INPUT -p icmp -j REJECT
$ ip netns exec ns0 ping -c 1 10.0.1.1
$ ip netns exec ns1 iptables -L INPUT -n -v --line-numbers
$ ip netns exec ns1 iptables -L ICMP -n -v
$ ip netns exec ns1 conntrack -L
