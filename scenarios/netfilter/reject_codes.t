Every `--reject-with` type as the sender's ping reports it (iputils prints the ICMP code's
name; `tcp-reset` answers only TCP, so ping sees the default port-unreachable there).
$ ip netns add a
$ ip netns add b
$ ip link add va netns a type veth peer name vb netns b
$ ip -n a addr add 10.0.0.1/24 dev va
$ ip -n b addr add 10.0.0.2/24 dev vb
$ ip -n a link set va up
$ ip -n b link set vb up
$ ip netns exec b iptables -A INPUT -p icmp -j REJECT --reject-with icmp-host-prohibited
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Destination Host Prohibited

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 1
$ ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-net-prohibited
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Destination Net Prohibited

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 1
$ ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-admin-prohibited
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Packet filtered

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 1
$ ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-net-unreachable
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Destination Net Unreachable

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 1
$ ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-host-unreachable
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Destination Host Unreachable

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 1
$ ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-proto-unreachable
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Destination Protocol Unreachable

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ sleep 1
$ ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT
$ ip netns exec a ping -c 1 10.0.0.2
PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
From 10.0.0.2 icmp_seq=1 Destination Port Unreachable

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

[1]
$ ip netns exec b iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -p icmp -j REJECT --reject-with icmp-port-unreachable
