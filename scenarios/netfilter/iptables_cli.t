$ iptables -L
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
$ iptables -L -n -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
$ iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
$ iptables -t nat -L
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
$ iptables -t mangle -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
$ iptables -t raw -S
-P PREROUTING ACCEPT
-P OUTPUT ACCEPT
$ iptables -A INPUT -p icmp -j DROP
$ iptables -A INPUT -s 10.11.12.13/8 -p tcp --dport 80 -j ACCEPT
$ iptables -A INPUT -p tcp --syn -j REJECT
$ iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-A INPUT -p icmp -j DROP
-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -p icmp -j DROP
-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
$ iptables -S INPUT 2
-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j ACCEPT
$ iptables -L
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
DROP       icmp --  anywhere             anywhere            
ACCEPT     tcp  --  10.0.0.0/8           anywhere             tcp dpt:http
REJECT     tcp  --  anywhere             anywhere             tcp flags:FIN,SYN,RST,ACK/SYN reject-with icmp-port-unreachable
ACCEPT     icmp --  anywhere             anywhere             icmp echo-request

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
$ iptables -L -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
DROP       1    --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
$ iptables -L -n --line-numbers
Chain INPUT (policy ACCEPT)
num  target     prot opt source               destination         
1    DROP       1    --  0.0.0.0/0            0.0.0.0/0           
2    ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
3    REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
4    ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8

Chain FORWARD (policy ACCEPT)
num  target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
num  target     prot opt source               destination         
$ iptables -L -n -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0 ACCEPT     6    --  *      *       10.0.0.0/8           0.0.0.0/0            tcp dpt:80
    0     0 REJECT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
    0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
$ iptables -L -n -v -x
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       0        0 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0           
       0        0 ACCEPT     6    --  *      *       10.0.0.0/8           0.0.0.0/0            tcp dpt:80
       0        0 REJECT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
       0        0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
$ iptables -L INPUT -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
DROP       1    --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
$ iptables -N foo
$ iptables -N foo
iptables: Chain already exists.
[1]
$ iptables -A foo -j RETURN
$ iptables -A INPUT -j foo
$ iptables -L -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
DROP       1    --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
foo        0    --  0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         

Chain foo (1 references)
target     prot opt source               destination         
RETURN     0    --  0.0.0.0/0            0.0.0.0/0           
$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N foo
-A INPUT -p icmp -j DROP
-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -j foo
-A foo -j RETURN
$ iptables -X foo
iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain foo
[4]
$ iptables -D INPUT 99
iptables: Index of deletion too big.
[1]
$ iptables -D INPUT -p udp -j DROP
iptables: Bad rule (does a matching rule exist in that chain?).
[1]
$ iptables -D INPUT 0
iptables v1.8.9 (nf_tables): Invalid rule number `0'
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -D INPUT abc
iptables v1.8.9 (nf_tables): Invalid rule number `abc'
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -P INPUT FOO
iptables: Bad policy name. Run `dmesg' for more information.
[1]
$ iptables -P foo DROP
iptables: Bad built-in chain name.
[1]
$ iptables -P INPUT DROP
$ iptables -L INPUT -n
Chain INPUT (policy DROP)
target     prot opt source               destination         
DROP       1    --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
foo        0    --  0.0.0.0/0            0.0.0.0/0           
$ iptables -P INPUT ACCEPT
$ iptables -A INPUT --dport 80 -j ACCEPT
iptables v1.8.9 (nf_tables): unknown option "--dport"
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -j nochain
iptables v1.8.9 (nf_tables): Chain 'nochain' does not exist
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -t bogus -L
iptables v1.8.9 (nf_tables): table 'bogus' does not exist
Perhaps iptables or your kernel needs to be upgraded.
[3]
$ iptables -t nat -A INPUT -j DROP
iptables v1.8.9 (nf_tables): 
The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.


Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -o eth0 -j DROP
iptables v1.8.9 (nf_tables): Can't use -o with INPUT

Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A OUTPUT -i eth0 -j DROP
iptables v1.8.9 (nf_tables): Can't use -i with OUTPUT

Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -s 1.2.3.999 -j DROP
iptables v1.8.9 (nf_tables): host/network `1.2.3.999' not found
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p tcp --dport 99999 -j DROP
iptables v1.8.9 (nf_tables): invalid port/service `99999' specified
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p bogus -j DROP
iptables v1.8.9 (nf_tables): unknown protocol "bogus" specified
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -j
iptables v1.8.9 (nf_tables): option "-j" requires an argument
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p tcp --dport 80
$ iptables -A INPUT -p tcp --dport 80 -j ACCEPT
$ iptables -I INPUT -p udp --dport 53 -j ACCEPT
$ iptables -I INPUT 3 -i lo -j ACCEPT
$ iptables -I INPUT 99 -j ACCEPT
iptables: Index of insertion too big.
[1]
$ iptables -R INPUT 1 -p udp --dport 5353 -j ACCEPT
$ iptables -R INPUT 99 -j ACCEPT
iptables: Index of replacement too big.
[1]
$ iptables -C INPUT -p tcp --dport 80 -j ACCEPT
$ iptables -C INPUT -p tcp --dport 81 -j ACCEPT
iptables: Bad rule (does a matching rule exist in that chain?).
[1]
$ iptables -L INPUT -n --line-numbers
Chain INPUT (policy ACCEPT)
num  target     prot opt source               destination         
1    ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            udp dpt:5353
2    DROP       1    --  0.0.0.0/0            0.0.0.0/0           
3    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           
4    ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
5    REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
6    ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
7    foo        0    --  0.0.0.0/0            0.0.0.0/0           
8               6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:80
9    ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:80
$ iptables -E foo bar
$ iptables -E foo bar
iptables: File exists.
[1]
$ iptables -L -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            udp dpt:5353
DROP       1    --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80
REJECT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x17/0x02 reject-with icmp-port-unreachable
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
bar        0    --  0.0.0.0/0            0.0.0.0/0           
           6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:80
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:80

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         

Chain bar (1 references)
target     prot opt source               destination         
RETURN     0    --  0.0.0.0/0            0.0.0.0/0           
$ iptables -F INPUT
$ iptables -X bar
iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain bar
[4]
$ iptables -F
$ iptables -Z
$ iptables -X
$ iptables -X nosuch
iptables: No chain/target/match by that name.
[1]
$ iptables -F nosuch
iptables: No chain/target/match by that name.
[1]
$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
$ iptables -N a
$ iptables -N b
$ iptables -A INPUT -s 10.0.0.0/8 -j a
$ iptables -A OUTPUT -d 192.168.0.1 -j ACCEPT
$ iptables -A a -p udp -j b
$ iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o veth1 -j MASQUERADE
$ iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80
$ iptables -t nat -A PREROUTING -p tcp --dport 8081 -j DNAT --to-destination 10.0.2.2
$ iptables -t nat -A POSTROUTING -o veth1 -j SNAT --to-source 1.2.3.4
$ iptables -t nat -A OUTPUT -p tcp --dport 80 -j REDIRECT --to-ports 8080
$ iptables -t nat -A PREROUTING -j MASQUERADE
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain PREROUTING
[4]
$ iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.1.1.1
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING
[4]
$ iptables -t nat -A PREROUTING -j DNAT
iptables v1.8.9 (nf_tables): DNAT: option "--to-destination" must be specified

Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -j DNAT --to-destination 1.1.1.1
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT
[4]
$ iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80
-A PREROUTING -p tcp -m tcp --dport 8081 -j DNAT --to-destination 10.0.2.2
-A OUTPUT -p tcp -m tcp --dport 80 -j REDIRECT --to-ports 8080
-A POSTROUTING -s 10.0.1.0/24 -o veth1 -j MASQUERADE
-A POSTROUTING -o veth1 -j SNAT --to-source 1.2.3.4
$ iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 DNAT       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:10.0.2.2:80
    0     0 DNAT       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8081 to:10.0.2.2

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 REDIRECT   6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:80 redir ports 8080

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  0    --  *      veth1   10.0.1.0/24          0.0.0.0/0           
    0     0 SNAT       0    --  *      veth1   0.0.0.0/0            0.0.0.0/0            to:1.2.3.4
$ iptables -t nat -L
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         
DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:10.0.2.2:80
DNAT       tcp  --  anywhere             anywhere             tcp dpt:tproxy to:10.0.2.2

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
REDIRECT   tcp  --  anywhere             anywhere             tcp dpt:http redir ports 8080

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
MASQUERADE  all  --  10.0.1.0/24          anywhere            
SNAT       all  --  anywhere             anywhere             to:1.2.3.4
$ iptables -A INPUT -p tcp --sport 1:1023 --dport 22 --tcp-flags SYN,ACK SYN -j ACCEPT
$ iptables -A INPUT -p tcp ! --syn -j ACCEPT
$ iptables -A INPUT -p udp --dport 53:54 -j ACCEPT
$ iptables -A INPUT -p icmp --icmp-type 3/1 -j ACCEPT
$ iptables -A INPUT -p icmp ! --icmp-type 3 -j ACCEPT
$ iptables -A INPUT -p icmp --icmp-type any -j ACCEPT
$ iptables -A INPUT -p udp -m multiport --sports 1:5,7 -j ACCEPT
$ iptables -A INPUT -p udp -m multiport ! --ports 8,9 -j ACCEPT
$ iptables -A INPUT -m conntrack --ctstate INVALID --ctorigdst 1.2.3.4 --ctorigsrc 5.6.7.0/24 -j DROP
$ iptables -A INPUT -m conntrack ! --ctstate NEW -j DROP
$ iptables -A INPUT -m state ! --state INVALID,UNTRACKED -j DROP
$ iptables -A INPUT -m addrtype --src-type LOCAL --dst-type ! BROADCAST -j DROP
iptables v1.8.9 (nf_tables): addrtype: bad type "!"
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -m addrtype ! --src-type UNICAST -j DROP
$ iptables -A FORWARD -m physdev --physdev-in veth0 --physdev-out veth1 --physdev-is-bridged -j DROP
$ iptables -A INPUT -m physdev ! --physdev-in veth0 -j DROP
$ iptables -A INPUT -m mac ! --mac-source 02:00:00:00:00:AB -j DROP
$ iptables -A INPUT -m iprange ! --dst-range 1.1.1.1-1.1.1.5 --src-range 2.2.2.2-2.2.2.3 -j DROP
$ iptables -A INPUT -m mark --mark 0x10/0xf0 -j DROP
$ iptables -A INPUT -m mark ! --mark 5 -j DROP
$ iptables -A INPUT -m limit --limit 3/s --limit-burst 7 -j DROP
$ iptables -A INPUT -m limit --limit 100/day -j DROP
$ iptables -A INPUT -m limit --limit 2/hour -j DROP
$ iptables -A INPUT -m length ! --length 100 -j DROP
$ iptables -A INPUT -m length --length :200 -j DROP
$ iptables -A INPUT -m pkttype ! --pkt-type multicast -j DROP
$ iptables -A INPUT -j LOG --log-level debug --log-prefix IN 
$ iptables -A INPUT -j LOG --log-level 7
$ iptables -A INPUT -j LOG
$ iptables -A INPUT -j REJECT --reject-with icmp-net-prohibited
$ iptables -A INPUT -j REJECT --reject-with icmp-proto-unreachable
$ iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
$ iptables -A INPUT -j REJECT --reject-with host-unreach
$ iptables -A INPUT -j REJECT --reject-with bogus
iptables v1.8.9 (nf_tables): unknown reject type "bogus"
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT ! -i lo ! -d 10.1.2.3/255.255.0.0 -j DROP
$ iptables -A INPUT -p 47 -j DROP
$ iptables -A INPUT -p all -j DROP
$ iptables -A INPUT ! -p udp -j DROP
$ iptables -A INPUT -g foo
iptables v1.8.9 (nf_tables): Chain 'foo' does not exist
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -N foo
$ iptables -A INPUT -g foo
$ iptables -A INPUT -s localhost -j DROP
$ iptables -A INPUT -p tcp -m tcp --dport ssh -j DROP
$ iptables -t mangle -A PREROUTING -j MARK --set-mark 0x5/0xf
$ iptables -t mangle -A PREROUTING -j MARK --and-mark 0x5
$ iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4-1.2.3.6:100-200
$ iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source :1000
$ iptables -t nat -A POSTROUTING -j MASQUERADE --random
$ iptables -t nat -A PREROUTING -p tcp -j REDIRECT
$ iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 1-2
$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N a
-N b
-N foo
-A INPUT -s 10.0.0.0/8 -j a
-A INPUT -p tcp -m tcp --sport 1:1023 --dport 22 --tcp-flags SYN,ACK SYN -j ACCEPT
-A INPUT -p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT
-A INPUT -p udp -m udp --dport 53:54 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 3/1 -j ACCEPT
-A INPUT -p icmp -m icmp ! --icmp-type 3 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type any -j ACCEPT
-A INPUT -p udp -m multiport --sports 1:5,7 -j ACCEPT
-A INPUT -p udp -m multiport ! --ports 8,9 -j ACCEPT
-A INPUT -m conntrack --ctstate INVALID --ctorigsrc 5.6.7.0/24 --ctorigdst 1.2.3.4 -j DROP
-A INPUT -m conntrack ! --ctstate NEW -j DROP
-A INPUT -m state ! --state INVALID,UNTRACKED -j DROP
-A INPUT -m addrtype ! --src-type UNICAST -j DROP
-A INPUT -m physdev ! --physdev-in veth0 -j DROP
-A INPUT -m mac ! --mac-source 02:00:00:00:00:ab -j DROP
-A INPUT -m iprange --src-range 2.2.2.2-2.2.2.3 ! --dst-range 1.1.1.1-1.1.1.5 -j DROP
-A INPUT -m mark --mark 0x10/0xf0 -j DROP
-A INPUT -m mark ! --mark 0x5 -j DROP
-A INPUT -m limit --limit 3/sec --limit-burst 7 -j DROP
-A INPUT -m limit --limit 100/day -j DROP
-A INPUT -m limit --limit 2/hour -j DROP
-A INPUT -m length ! --length 100 -j DROP
-A INPUT -m length --length 0:200 -j DROP
-A INPUT -m pkttype ! --pkt-type multicast -j DROP
-A INPUT -j LOG --log-prefix IN --log-level 7
-A INPUT -j LOG --log-level 7
-A INPUT -j LOG
-A INPUT -j REJECT --reject-with icmp-net-prohibited
-A INPUT -j REJECT --reject-with icmp-proto-unreachable
-A INPUT -j REJECT --reject-with icmp-admin-prohibited
-A INPUT -j REJECT --reject-with icmp-host-unreachable
-A INPUT ! -d 10.1.0.0/16 ! -i lo -j DROP
-A INPUT -p gre -j DROP
-A INPUT -j DROP
-A INPUT ! -p udp -j DROP
-A INPUT -g foo
-A INPUT -s 127.0.0.1/32 -j DROP
-A INPUT -p tcp -m tcp --dport 22 -j DROP
-A FORWARD -m physdev --physdev-in veth0 --physdev-out veth1 --physdev-is-bridged -j DROP
-A OUTPUT -d 192.168.0.1/32 -j ACCEPT
-A a -p udp -j b
$ iptables -L
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
a          all  --  10.0.0.0/8           anywhere            
ACCEPT     tcp  --  anywhere             anywhere             tcp spts:tcpmux:1023 dpt:ssh flags:SYN,ACK/SYN
ACCEPT     tcp  --  anywhere             anywhere             tcp flags:!FIN,SYN,RST,ACK/SYN
ACCEPT     udp  --  anywhere             anywhere             udp dpts:domain:54
ACCEPT     icmp --  anywhere             anywhere             icmp host-unreachable
ACCEPT     icmp --  anywhere             anywhere             icmp !destination-unreachable
ACCEPT     icmp --  anywhere             anywhere             icmp any
ACCEPT     udp  --  anywhere             anywhere             multiport sports 1:5,echo
ACCEPT     udp  --  anywhere             anywhere             multiport ports  !8,discard
DROP       all  --  anywhere             anywhere             ctstate INVALID ctorigsrc 5.6.7.0/24 ctorigdst 1.2.3.4
DROP       all  --  anywhere             anywhere             ! ctstate NEW
DROP       all  --  anywhere             anywhere             ! state INVALID,UNTRACKED
DROP       all  --  anywhere             anywhere             ADDRTYPE match src-type !UNICAST
DROP       all  --  anywhere             anywhere             PHYSDEV match ! --physdev-in veth0
DROP       all  --  anywhere             anywhere             MAC ! 02:00:00:00:00:ab
DROP       all  --  anywhere             anywhere             source IP range 2.2.2.2-2.2.2.3 destination IP range ! 1.1.1.1-1.1.1.5
DROP       all  --  anywhere             anywhere             mark match 0x10/0xf0
DROP       all  --  anywhere             anywhere             mark match ! 0x5
DROP       all  --  anywhere             anywhere             limit: avg 3/sec burst 7
DROP       all  --  anywhere             anywhere             limit: avg 100/day burst 5
DROP       all  --  anywhere             anywhere             limit: avg 2/hour burst 5
DROP       all  --  anywhere             anywhere             length !100
DROP       all  --  anywhere             anywhere             length 0:200
DROP       all  --  anywhere             anywhere             PKTTYPE != multicast
LOG        all  --  anywhere             anywhere             LOG level debug prefix "IN"
LOG        all  --  anywhere             anywhere             LOG level debug
LOG        all  --  anywhere             anywhere             LOG level warn
REJECT     all  --  anywhere             anywhere             reject-with icmp-net-prohibited
REJECT     all  --  anywhere             anywhere             reject-with icmp-proto-unreachable
REJECT     all  --  anywhere             anywhere             reject-with icmp-admin-prohibited
REJECT     all  --  anywhere             anywhere             reject-with icmp-host-unreachable
DROP       all  --  anywhere            !10.1.0.0/16         
DROP       gre  --  anywhere             anywhere            
DROP       all  --  anywhere             anywhere            
DROP      !udp  --  anywhere             anywhere            
foo        all  --  anywhere             anywhere            [goto] 
DROP       all  --  localhost            anywhere            
DROP       tcp  --  anywhere             anywhere             tcp dpt:ssh

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         
DROP       all  --  anywhere             anywhere             PHYSDEV match --physdev-in veth0 --physdev-out veth1 --physdev-is-bridged

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     all  --  anywhere             192.168.0.1         

Chain a (1 references)
target     prot opt source               destination         
b          udp  --  anywhere             anywhere            

Chain b (1 references)
target     prot opt source               destination         

Chain foo (1 references)
target     prot opt source               destination         
$ iptables -L -v -n --line-numbers
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 a          0    --  *      *       10.0.0.0/8           0.0.0.0/0           
2        0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp spts:1:1023 dpt:22 flags:0x12/0x02
3        0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp flags:!0x17/0x02
4        0     0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            udp dpts:53:54
5        0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 3 code 1
6        0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmp !type 3
7        0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 255
8        0     0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            multiport sports 1:5,7
9        0     0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            multiport ports  !8,9
10       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate INVALID ctorigsrc 5.6.7.0/24 ctorigdst 1.2.3.4
11       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            ! ctstate NEW
12       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            ! state INVALID,UNTRACKED
13       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match src-type !UNICAST
14       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match ! --physdev-in veth0
15       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            MAC ! 02:00:00:00:00:ab
16       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            source IP range 2.2.2.2-2.2.2.3 destination IP range ! 1.1.1.1-1.1.1.5
17       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            mark match 0x10/0xf0
18       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            mark match ! 0x5
19       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            limit: avg 3/sec burst 7
20       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            limit: avg 100/day burst 5
21       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            limit: avg 2/hour burst 5
22       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            length !100
23       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            length 0:200
24       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            PKTTYPE != multicast
25       0     0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 7 prefix "IN"
26       0     0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 7
27       0     0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4
28       0     0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-net-prohibited
29       0     0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-proto-unreachable
30       0     0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-admin-prohibited
31       0     0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-unreachable
32       0     0 DROP       0    --  !lo    *       0.0.0.0/0           !10.1.0.0/16         
33       0     0 DROP       47   --  *      *       0.0.0.0/0            0.0.0.0/0           
34       0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0           
35       0     0 DROP      !17   --  *      *       0.0.0.0/0            0.0.0.0/0           
36       0     0 foo        0    --  *      *       0.0.0.0/0            0.0.0.0/0           [goto] 
37       0     0 DROP       0    --  *      *       127.0.0.1            0.0.0.0/0           
38       0     0 DROP       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            PHYSDEV match --physdev-in veth0 --physdev-out veth1 --physdev-is-bridged

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 ACCEPT     0    --  *      *       0.0.0.0/0            192.168.0.1         

Chain a (1 references)
num   pkts bytes target     prot opt in     out     source               destination         
1        0     0 b          17   --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain b (1 references)
num   pkts bytes target     prot opt in     out     source               destination         

Chain foo (1 references)
num   pkts bytes target     prot opt in     out     source               destination         
$ iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80
-A PREROUTING -p tcp -m tcp --dport 8081 -j DNAT --to-destination 10.0.2.2
-A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4-1.2.3.6:100-200
-A PREROUTING -p tcp -j REDIRECT
-A PREROUTING -p tcp -j REDIRECT --to-ports 1-2
-A OUTPUT -p tcp -m tcp --dport 80 -j REDIRECT --to-ports 8080
-A POSTROUTING -s 10.0.1.0/24 -o veth1 -j MASQUERADE
-A POSTROUTING -o veth1 -j SNAT --to-source 1.2.3.4
-A POSTROUTING -p tcp -j SNAT --to-source :1000
-A POSTROUTING -j MASQUERADE --random
$ iptables -t nat -L
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         
DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:10.0.2.2:80
DNAT       tcp  --  anywhere             anywhere             tcp dpt:tproxy to:10.0.2.2
DNAT       udp  --  anywhere             anywhere             to:1.2.3.4-1.2.3.6:100-200
REDIRECT   tcp  --  anywhere             anywhere            
REDIRECT   tcp  --  anywhere             anywhere             redir ports 1-2

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
REDIRECT   tcp  --  anywhere             anywhere             tcp dpt:http redir ports 8080

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
MASQUERADE  all  --  10.0.1.0/24          anywhere            
SNAT       all  --  anywhere             anywhere             to:1.2.3.4
SNAT       tcp  --  anywhere             anywhere             to::1000
MASQUERADE  all  --  anywhere             anywhere             random
$ iptables -t mangle -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A PREROUTING -j MARK --set-xmark 0x5/0xf
-A PREROUTING -j MARK --set-xmark 0x0/0xfffffffa
$ iptables -t raw -S
-P PREROUTING ACCEPT
-P OUTPUT ACCEPT
$ iptables -t raw -L -n
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
