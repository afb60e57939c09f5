Interface counters as ip -s link prints them. IPv6 is switched off first: the kernel's IPv6 autoconfiguration traffic (router solicitations, MLD) is not modelled, and would add packets.
$ ip netns add ns0
$ ip netns add ns1
$ ip netns exec ns0 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
net.ipv6.conf.all.disable_ipv6 = 1
$ ip netns exec ns0 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip netns exec ns1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
net.ipv6.conf.default.disable_ipv6 = 1
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip -n ns0 addr add 10.0.1.1/24 dev veth0
$ ip -n ns1 addr add 10.0.1.2/24 dev veth1
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns0 addr
1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns1
    inet 10.0.1.1/24 scope global veth0
       valid_lft forever preferred_lft forever
$ ip netns exec ns0 ping -c 3 -i 0.2 10.0.1.2 >/dev/null
$ ip -n ns0 -s link show veth0
2: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 36:c0:d8:ba:5f:a5 brd ff:ff:ff:ff:ff:ff link-netns ns1
    RX:  bytes packets errors dropped  missed   mcast           
           336       4      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
           336       4      0       0       0       0 
$ ip -n ns1 -s -s link show veth1
2: veth1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff link-netns ns0
    RX:  bytes packets errors dropped  missed   mcast           
           336       4      0       0       0       0 
    RX errors:  length    crc   frame    fifo overrun
                     0      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
           336       4      0       0       0       0 
    TX errors: aborted   fifo  window heartbt transns
                     0      0       0       0       2 
$ ip netns exec ns0 ping -c 2 -s 1000 -i 0.2 10.0.1.2 2>&1 >/dev/null
$ ip -n ns1 -s link show veth1
2: veth1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether 6e:3b:9a:a7:67:f7 brd ff:ff:ff:ff:ff:ff link-netns ns0
    RX:  bytes packets errors dropped  missed   mcast           
          2420       6      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
          2420       6      0       0       0       0 
