ethtool -S/-i/settings and sysctl (per-namespace and per-interface keys, prefixes, errors).
$ ip netns add ns0
$ ip link add veth0 type veth peer name veth1 netns ns0
$ ip addr add 10.0.1.1/24 dev veth0
$ ip -n ns0 addr add 10.0.1.2/24 dev veth1
$ ip link set veth0 up
$ ip -n ns0 link set veth1 up
$ ip -n ns0 link set lo up
$ ethtool -S veth0
NIC statistics:
     peer_ifindex: 2
     rx_queue_0_xdp_packets: 0
     rx_queue_0_xdp_bytes: 0
     rx_queue_0_drops: 0
     rx_queue_0_xdp_redirect: 0
     rx_queue_0_xdp_drops: 0
     rx_queue_0_xdp_tx: 0
     rx_queue_0_xdp_tx_errors: 0
     tx_queue_0_xdp_xmit: 0
     tx_queue_0_xdp_xmit_errors: 0
$ ethtool -S lo
no stats available
[94]
$ ethtool -S nosuch
Cannot get stats strings information: No such device
[96]
$ ethtool veth0
Settings for veth0:
	Supported ports: [  ]
	Supported link modes:   Not reported
	Supported pause frame use: No
	Supports auto-negotiation: No
	Supported FEC modes: Not reported
	Advertised link modes:  Not reported
	Advertised pause frame use: No
	Advertised auto-negotiation: No
	Advertised FEC modes: Not reported
	Speed: 10000Mb/s
	Duplex: Full
	Auto-negotiation: off
	Port: Twisted Pair
	PHYAD: 0
	Transceiver: internal
	MDI-X: Unknown
	Link detected: yes
$ ethtool lo
Settings for lo:
	Link detected: yes
$ ethtool nosuch
netlink error: no device matches name (offset 24)
netlink error: No such device
netlink error: no device matches name (offset 24)
netlink error: No such device
netlink error: no device matches name (offset 24)
netlink error: No such device
netlink error: no device matches name (offset 24)
netlink error: No such device
netlink error: no device matches name (offset 24)
netlink error: No such device
No data available
[75]
$ ethtool -i veth0
driver: veth
version: 1.0
firmware-version: 
expansion-rom-version: 
bus-info: 
supports-statistics: yes
supports-test: no
supports-eeprom-access: no
supports-register-dump: no
supports-priv-flags: no
$ ethtool -i lo
Cannot get driver information: Operation not supported
[71]
$ ethtool -g veth0
netlink error: Operation not supported
[1]
$ sleep 2
$ ethtool -S veth0
NIC statistics:
     peer_ifindex: 2
     rx_queue_0_xdp_packets: 0
     rx_queue_0_xdp_bytes: 0
     rx_queue_0_drops: 0
     rx_queue_0_xdp_redirect: 0
     rx_queue_0_xdp_drops: 0
     rx_queue_0_xdp_tx: 0
     rx_queue_0_xdp_tx_errors: 0
     tx_queue_0_xdp_xmit: 0
     tx_queue_0_xdp_xmit_errors: 0
$ ip netns exec ns0 ethtool -S veth1
NIC statistics:
     peer_ifindex: 2
     rx_queue_0_xdp_packets: 0
     rx_queue_0_xdp_bytes: 0
     rx_queue_0_drops: 0
     rx_queue_0_xdp_redirect: 0
     rx_queue_0_xdp_drops: 0
     rx_queue_0_xdp_tx: 0
     rx_queue_0_xdp_tx_errors: 0
     tx_queue_0_xdp_xmit: 0
     tx_queue_0_xdp_xmit_errors: 0
$ ip link set veth0 down
$ ethtool veth0
Settings for veth0:
	Supported ports: [  ]
	Supported link modes:   Not reported
	Supported pause frame use: No
	Supports auto-negotiation: No
	Supported FEC modes: Not reported
	Advertised link modes:  Not reported
	Advertised pause frame use: No
	Advertised auto-negotiation: No
	Advertised FEC modes: Not reported
	Speed: 10000Mb/s
	Duplex: Full
	Auto-negotiation: off
	Port: Twisted Pair
	PHYAD: 0
	Transceiver: internal
	MDI-X: Unknown
	Link detected: no
$ ethtool -S veth0
NIC statistics:
     peer_ifindex: 2
     rx_queue_0_xdp_packets: 0
     rx_queue_0_xdp_bytes: 0
     rx_queue_0_drops: 0
     rx_queue_0_xdp_redirect: 0
     rx_queue_0_xdp_drops: 0
     rx_queue_0_xdp_tx: 0
     rx_queue_0_xdp_tx_errors: 0
     tx_queue_0_xdp_xmit: 0
     tx_queue_0_xdp_xmit_errors: 0
$ sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 0
$ sysctl -n net.ipv4.ip_forward
0
$ sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 1
$ sysctl net.ipv4.ip_forward=0
net.ipv4.ip_forward = 0
$ sysctl net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ sysctl -n net.ipv4.ip_forward
1
$ sysctl net/ipv4/ip_forward
net.ipv4.ip_forward = 1
$ sysctl net.ipv4.conf.all.forwarding
net.ipv4.conf.all.forwarding = 1
$ sysctl net.ipv4.conf.default.forwarding
net.ipv4.conf.default.forwarding = 1
$ sysctl net.ipv4.conf.veth0.forwarding
net.ipv4.conf.veth0.forwarding = 1
$ sysctl nosuch.key
sysctl: cannot stat /proc/sys/nosuch/key: No such file or directory
[1]
$ sysctl -n nosuch.key
sysctl: cannot stat /proc/sys/nosuch/key: No such file or directory
[1]
$ sysctl -w nosuch.key=1
sysctl: cannot stat /proc/sys/nosuch/key: No such file or directory
[1]
$ sysctl -w net.ipv4.ip_forward=abc
sysctl: setting key "net.ipv4.ip_forward": Invalid argument
[1]
$ sysctl -w net.ipv4.ip_forward=
sysctl: setting key "net.ipv4.ip_forward": Invalid argument
[1]
$ sysctl -w net.ipv4.ip_forward
sysctl: command line(0): invalid syntax, continuing...
[1]
$ sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding
net.ipv4.ip_forward = 1
net.ipv6.conf.all.forwarding = 0
$ sysctl -e nosuch.key
$ sysctl -q -w net.ipv4.ip_forward=1
$ sysctl net.bridge.bridge-nf-call-iptables
net.bridge.bridge-nf-call-iptables = 1
$ sysctl net.bridge.bridge-nf-call-ip6tables
net.bridge.bridge-nf-call-ip6tables = 1
$ sysctl net.bridge
net.bridge.bridge-nf-call-arptables = 1
net.bridge.bridge-nf-call-ip6tables = 1
net.bridge.bridge-nf-call-iptables = 1
net.bridge.bridge-nf-filter-pppoe-tagged = 0
net.bridge.bridge-nf-filter-vlan-tagged = 0
net.bridge.bridge-nf-pass-vlan-input-dev = 0
$ ip netns exec ns0 sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 0
$ ip netns exec ns0 sysctl net.ipv4.conf.all.forwarding
net.ipv4.conf.all.forwarding = 0
$ ip netns exec ns0 sysctl net.bridge.bridge-nf-call-iptables
net.bridge.bridge-nf-call-iptables = 1
$ ip netns exec ns0 sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
$ ip netns exec ns0 sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 1
$ sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 1
$ sysctl net.ipv4.conf.all.forwarding
net.ipv4.conf.all.forwarding = 1
$ sysctl -w net.ipv4.conf.all.forwarding=0
net.ipv4.conf.all.forwarding = 0
$ sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 0
$ sysctl net.ipv4.conf.veth0.forwarding
net.ipv4.conf.veth0.forwarding = 0
$ sysctl net.ipv4.icmp_echo_ignore_all
net.ipv4.icmp_echo_ignore_all = 0
$ sysctl net.ipv4.conf.all.rp_filter
net.ipv4.conf.all.rp_filter = 0
$ sysctl net.ipv4.conf.default.rp_filter
net.ipv4.conf.default.rp_filter = 0
$ ip netns exec ns0 sysctl net.ipv4.conf.all.rp_filter
net.ipv4.conf.all.rp_filter = 0
$ sysctl net.ipv4.ping_group_range
net.ipv4.ping_group_range = 1	0
$ sysctl net.ipv4.ip_default_ttl
net.ipv4.ip_default_ttl = 64
$ sysctl net.ipv6.conf.all.disable_ipv6
net.ipv6.conf.all.disable_ipv6 = 0
$ sysctl net.netfilter.nf_conntrack_max
net.netfilter.nf_conntrack_max = 262144
$ sysctl net.core.somaxconn
net.core.somaxconn = 4096
