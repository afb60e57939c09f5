iptables 1.8.9 reads its options with getopt: combined flags (`-nvL`), attached values for
commands and tables (`-AINPUT`, `-tnat`, `-LINPUT`, `-c1,2`), `--table=nat`, `--match=tcp`,
`--dport=22`. The options that accept a leading `!` (-p, -s, -d, -i, -o, -j) read their value
as the whole word instead, so `-ptcp` or `--source=1.2.3.4` fail with the whole word named.
$ iptables -nvL
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
$ iptables -vL INPUT
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
$ iptables -AINPUT -p tcp -j ACCEPT
$ iptables -A INPUT -ptcp -j ACCEPT
iptables v1.8.9 (nf_tables): unknown protocol "-ptcp" specified
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -s1.2.3.4 -j ACCEPT
iptables v1.8.9 (nf_tables): host/network `-s1.2.3.4' not found
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -jACCEPT
iptables v1.8.9 (nf_tables): Chain '-jACCEPT' does not exist
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT --source=1.2.3.5 -j ACCEPT
iptables v1.8.9 (nf_tables): host/network `--source=1.2.3.5' not found
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p tcp --dport=22 -j ACCEPT
$ iptables -A INPUT --protocol udp -j ACCEPT
$ iptables -A INPUT -mtcp -p tcp --dport 1
$ iptables -A INPUT -ieth0
$ iptables -A INPUT -oeth0
iptables v1.8.9 (nf_tables): Can't use -o with INPUT

Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -deth0
iptables v1.8.9 (nf_tables): host/network `-deth0' not found
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -tnat -A POSTROUTING -j MASQUERADE
$ iptables -A INPUT -c1,2 -j ACCEPT
$ iptables -A INPUT --in-interface=eth0
iptables v1.8.9 (nf_tables): interface name `--in-interface=eth0' must be shorter than IFNAMSIZ (15)
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT --jump=ACCEPT
iptables v1.8.9 (nf_tables): Chain '--jump=ACCEPT' does not exist
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -p tcp -m tcp --sport=5
$ iptables -N X
$ iptables -A INPUT -gX
$ iptables -A INPUT --match=tcp -p tcp
$ iptables --table=nat -nL
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
MASQUERADE  0    --  0.0.0.0/0            0.0.0.0/0           
$ iptables --append=INPUT -j DROP
$ iptables -nQ
iptables v1.8.9 (nf_tables): unknown option "-nQ"
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N X
-A INPUT -p tcp -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p udp -j ACCEPT
-A INPUT -p tcp -m tcp --dport 1
-A INPUT -i -ieth0
-A INPUT -j ACCEPT
-A INPUT -p tcp -m tcp --sport 5
-A INPUT -g X
-A INPUT -p tcp -m tcp
-A INPUT -j DROP
$ iptables -nL INPUT --line-numbers
Chain INPUT (policy ACCEPT)
num  target     prot opt source               destination         
1    ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0           
2    ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22
3    ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0           
4               6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:1
5               0    --  0.0.0.0/0            0.0.0.0/0           
6    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           
7               6    --  0.0.0.0/0            0.0.0.0/0            tcp spt:5
8    X          0    --  0.0.0.0/0            0.0.0.0/0           [goto] 
9               6    --  0.0.0.0/0            0.0.0.0/0            tcp
10   DROP       0    --  0.0.0.0/0            0.0.0.0/0           
$ iptables -xvnL INPUT
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0           
       0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22
       0        0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0           
       0        0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:1
       0        0            0    --  -ieth0 *       0.0.0.0/0            0.0.0.0/0           
       1        2 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
       0        0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp spt:5
       0        0 X          0    --  *      *       0.0.0.0/0            0.0.0.0/0           [goto] 
       0        0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp
       0        0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0           
$ iptables -A INPUT -c 5 x -j ACCEPT
iptables v1.8.9 (nf_tables): -c byte counter not numeric
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -c 5 -j ACCEPT
iptables v1.8.9 (nf_tables): -c requires packet and byte counter
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT -c x,1 -j ACCEPT
iptables v1.8.9 (nf_tables): -c packet counter not numeric
Try `iptables -h' or 'iptables --help' for more information.
[2]
$ iptables -A INPUT --set-counters 3 4 -j DROP
$ iptables -vnL INPUT
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22
    0     0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:1
    0     0            0    --  -ieth0 *       0.0.0.0/0            0.0.0.0/0           
    1     2 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp spt:5
    0     0 X          0    --  *      *       0.0.0.0/0            0.0.0.0/0           [goto] 
    0     0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp
    0     0 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0           
    3     4 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0           
