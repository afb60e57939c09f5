ping between two namespaces over a veth pair: replies, -q, -s, -I, unreachable neighbours (ARP fails after 3 probes; the error only reaches ping while lo is up), loopback, broadcast, bad options.
$ ip netns add ns0
$ ip netns add ns1
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip -n ns0 addr add 10.0.1.1/24 dev veth0
$ ip -n ns1 addr add 10.0.1.2/24 dev veth1
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ sleep 2
$ ip netns exec ns0 ping -c 3 -i 0.2 10.0.1.2
PING 10.0.1.2 (10.0.1.2) 56(84) bytes of data.
64 bytes from 10.0.1.2: icmp_seq=1 ttl=64 time=0.080 ms
64 bytes from 10.0.1.2: icmp_seq=2 ttl=64 time=0.040 ms
64 bytes from 10.0.1.2: icmp_seq=3 ttl=64 time=0.040 ms

--- 10.0.1.2 ping statistics ---
3 packets transmitted, 3 received, 0% packet loss, time 400ms
rtt min/avg/max/mdev = 0.040/0.053/0.080/0.018 ms
$ ip netns exec ns0 ping -c 2 -i 0.2 -q 10.0.1.2
PING 10.0.1.2 (10.0.1.2) 56(84) bytes of data.

--- 10.0.1.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ ip netns exec ns0 ping -c 1 -s 1000 10.0.1.2
PING 10.0.1.2 (10.0.1.2) 1000(1028) bytes of data.
1008 bytes from 10.0.1.2: icmp_seq=1 ttl=64 time=0.040 ms

--- 10.0.1.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ ip netns exec ns0 ping -c 1 -s 0 10.0.1.2
PING 10.0.1.2 (10.0.1.2) 0(28) bytes of data.
8 bytes from 10.0.1.2: icmp_seq=1 ttl=64

--- 10.0.1.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms

$ ip netns exec ns0 ping -c 2 -i 0.2 -I veth0 10.0.1.2
PING 10.0.1.2 (10.0.1.2) from 10.0.1.1 veth0: 56(84) bytes of data.
64 bytes from 10.0.1.2: icmp_seq=1 ttl=64 time=0.040 ms
64 bytes from 10.0.1.2: icmp_seq=2 ttl=64 time=0.040 ms

--- 10.0.1.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 200ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
$ ip netns exec ns0 ping -c 1 -I nosuch 10.0.1.2
ping: SO_BINDTODEVICE nosuch: No such device
[2]
$ ip netns exec ns0 ping -c 2 -W 1 10.0.1.9
PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

--- 10.0.1.9 ping statistics ---
2 packets transmitted, 0 received, 100% packet loss, time 1000ms

[1]
$ ip netns exec ns0 ping -c 4 -i 0.5 -W 1 10.0.1.9
PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

--- 10.0.1.9 ping statistics ---
4 packets transmitted, 0 received, 100% packet loss, time 1500ms

[1]
$ ip netns exec ns0 ping -c 1 -W 1 192.168.5.5
ping: connect: Network is unreachable
[2]
$ ip netns exec ns0 ping -w 2 10.0.1.9
PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

--- 10.0.1.9 ping statistics ---
2 packets transmitted, 0 received, 100% packet loss, time 1000ms

[1]
$ ip netns exec ns0 ping -c 5 10.0.1.9
PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

--- 10.0.1.9 ping statistics ---
5 packets transmitted, 0 received, 100% packet loss, time 4000ms

[1]
$ ip netns exec ns0 ping -w 5 -W 1 10.0.1.9
PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

--- 10.0.1.9 ping statistics ---
5 packets transmitted, 0 received, 100% packet loss, time 4000ms

[1]
$ ip netns exec ns0 ping -c 5 -w 1 -i 0.3 10.0.1.2
PING 10.0.1.2 (10.0.1.2) 56(84) bytes of data.
64 bytes from 10.0.1.2: icmp_seq=1 ttl=64 time=0.040 ms
64 bytes from 10.0.1.2: icmp_seq=2 ttl=64 time=0.040 ms
64 bytes from 10.0.1.2: icmp_seq=3 ttl=64 time=0.040 ms
64 bytes from 10.0.1.2: icmp_seq=4 ttl=64 time=0.040 ms

--- 10.0.1.2 ping statistics ---
4 packets transmitted, 4 received, 0% packet loss, time 900ms
rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms
[1]
$ ip netns exec ns0 ping -c 1 10.0.1.1
PING 10.0.1.1 (10.0.1.1) 56(84) bytes of data.

--- 10.0.1.1 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns0 ping -c 1 127.0.0.1
ping: connect: Network is unreachable
[2]
$ ip -n ns0 link set lo up
$ ip netns exec ns0 ping -c 1 10.0.1.1
PING 10.0.1.1 (10.0.1.1) 56(84) bytes of data.
64 bytes from 10.0.1.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 10.0.1.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns exec ns0 ping -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns exec ns0 ip neigh
10.0.1.9 dev veth0 FAILED 
10.0.1.2 dev veth0 lladdr 6e:3b:9a:a7:67:f7 STALE 
$ ip netns exec ns0 ping -c 2 -W 1 10.0.1.9
PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

--- 10.0.1.9 ping statistics ---
2 packets transmitted, 0 received, 100% packet loss, time 1000ms

[1]
$ ip netns exec ns0 ping -c 5 10.0.1.19
PING 10.0.1.19 (10.0.1.19) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Host Unreachable
From 10.0.1.1 icmp_seq=2 Destination Host Unreachable
From 10.0.1.1 icmp_seq=3 Destination Host Unreachable
From 10.0.1.1 icmp_seq=4 Destination Host Unreachable
From 10.0.1.1 icmp_seq=5 Destination Host Unreachable

--- 10.0.1.19 ping statistics ---
5 packets transmitted, 0 received, +5 errors, 100% packet loss, time 4000ms
pipe 4
[1]
$ ip netns exec ns0 ping -c 2 10.0.1.19
PING 10.0.1.19 (10.0.1.19) 56(84) bytes of data.
From 10.0.1.1 icmp_seq=1 Destination Host Unreachable
From 10.0.1.1 icmp_seq=2 Destination Host Unreachable

--- 10.0.1.19 ping statistics ---
2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms
pipe 2
[1]
$ ip netns exec ns0 ping -c 1 -W 1 -I veth0 10.0.1.39
PING 10.0.1.39 (10.0.1.39) from 10.0.1.1 veth0: 56(84) bytes of data.

--- 10.0.1.39 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns0 ping -c 1 nosuchhost
ping: nosuchhost: Temporary failure in name resolution
[2]
$ ip netns exec ns0 ping -c 0 10.0.1.2
ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807
[1]
$ ip netns exec ns0 ping -c abc 10.0.1.2
ping: invalid argument: 'abc'
[1]
$ ip netns exec ns0 ping -c -1 10.0.1.2
ping: invalid argument: '-1': out of range: 1 <= value <= 9223372036854775807
[1]
$ ip netns exec ns0 ping
ping: usage error: Destination address required
[1]
$ ip netns exec ns0 ping -Z 10.0.1.2
ping: invalid option -- 'Z'

Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
[2]
$ ip netns exec ns0 ping -c 1 -i 0.2 10.0.1.255
ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules
[2]
$ ip netns exec ns0 ping -c 1 -b 10.0.1.255
WARNING: pinging broadcast address
PING 10.0.1.255 (10.0.1.255) 56(84) bytes of data.

--- 10.0.1.255 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

[1]
$ ip netns exec ns0 ping -c 1 0.0.0.0
PING 0.0.0.0 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 0.0.0.0 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns add ns9
$ ip netns exec ns9 ping -c 1 127.0.0.1
ping: connect: Network is unreachable
[2]
$ ip netns exec ns9 ping -c 1 -W 1 10.0.0.1
ping: connect: Network is unreachable
[2]
$ ip -n ns9 link set lo up
$ ip netns exec ns9 ping -c 1 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns exec ns9 ping -c 1 127.1.2.3
PING 127.1.2.3 (127.1.2.3) 56(84) bytes of data.
64 bytes from 127.1.2.3: icmp_seq=1 ttl=64 time=0.010 ms

--- 127.1.2.3 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
$ ip netns exec ns0 ip neigh
10.0.1.39 dev veth0 FAILED 
10.0.1.19 dev veth0 FAILED 
10.0.1.9 dev veth0 FAILED 
10.0.1.2 dev veth0 lladdr 6e:3b:9a:a7:67:f7 STALE 
$ ip netns exec ns0 ip neigh show dev veth0
10.0.1.39 FAILED 
10.0.1.19 FAILED 
10.0.1.9 FAILED 
10.0.1.2 lladdr 6e:3b:9a:a7:67:f7 STALE 
$ ip netns exec ns1 ip neigh
10.0.1.1 dev veth1 lladdr 36:c0:d8:ba:5f:a5 DELAY 
$ ip netns exec ns0 ip neigh add 10.0.1.7 lladdr 02:00:00:00:00:07 dev veth0
$ ip netns exec ns0 ip neigh add 10.0.1.7 lladdr 02:00:00:00:00:07 dev veth0
RTNETLINK answers: File exists
[2]
$ ip netns exec ns0 ip neigh show
10.0.1.7 dev veth0 lladdr 02:00:00:00:00:07 PERMANENT 
10.0.1.39 dev veth0 FAILED 
10.0.1.19 dev veth0 FAILED 
10.0.1.9 dev veth0 FAILED 
10.0.1.2 dev veth0 lladdr 6e:3b:9a:a7:67:f7 STALE 
$ ip netns exec ns0 ip neigh replace 10.0.1.7 lladdr 02:00:00:00:00:08 dev veth0
$ ip netns exec ns0 ip neigh show 10.0.1.7
10.0.1.7 dev veth0 lladdr 02:00:00:00:00:08 PERMANENT 
$ ip netns exec ns0 ip neigh del 10.0.1.7 dev veth0
$ ip netns exec ns0 ip neigh del 10.0.1.7 dev veth0
RTNETLINK answers: No such file or directory
[2]
$ ip netns exec ns0 ip neigh add 10.0.1.8 lladdr zz dev veth0
"zz" is invalid lladdr.
[1]
$ ip netns exec ns0 ip neigh add 10.0.1.8 dev veth0
Error: No link layer address given.
[2]
$ ip netns exec ns0 ip neigh flush dev veth0
$ ip netns exec ns0 ip neigh show dev veth0
$ ip netns exec ns0 ip neigh show dev nosuch
Cannot find device "nosuch"
[1]
$ ip netns exec ns0 ip -br neigh
