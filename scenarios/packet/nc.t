netcat-openbsd probes and listeners, and ss listing them: TCP probes that succeed, are
refused, time out or find no route; UDP probes; port ranges and lists; service names; a
listener without -k that goes away after one connection; conntrack off in namespaces
where no rule needs it.
$ ip netns add ns0
$ ip netns add ns1
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip -n ns0 addr add 10.0.1.1/24 dev veth0
$ ip -n ns1 addr add 10.0.1.2/24 dev veth1
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns0 link set lo up
$ ip -n ns1 link set lo up
$ ip netns exec ns1 ss -ltn
State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
$ ip netns exec ns1 nc -l -k -p 80 &
$ ip netns exec ns1 nc -l -u -k -p 53 &
$ ip netns exec ns1 ss -ltn
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      1            0.0.0.0:80        0.0.0.0:*          
$ ip netns exec ns1 ss -lun
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
UNCONN 0      0            0.0.0.0:53        0.0.0.0:*          
$ ip netns exec ns1 ss -lt
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      1            0.0.0.0:http      0.0.0.0:*          
$ ip netns exec ns1 ss -ltu
Netid State  Recv-Q Send-Q Local Address:Port   Peer Address:PortProcess
udp   UNCONN 0      0            0.0.0.0:domain      0.0.0.0:*          
tcp   LISTEN 0      1            0.0.0.0:http        0.0.0.0:*          
$ ip netns exec ns1 ss -tan
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      1            0.0.0.0:80        0.0.0.0:*          
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.2 80
Connection to 10.0.1.2 80 port [tcp/http] succeeded!
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.2 81
nc: connect to 10.0.1.2 port 81 (tcp) failed: Connection refused
[1]
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.2 53
Connection to 10.0.1.2 53 port [udp/domain] succeeded!
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.2 54
[1]
$ ip netns exec ns0 nc -z 10.0.1.2 80
$ ip netns exec ns0 nc -z 10.0.1.2 81
[1]
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.2 79-82
nc: connect to 10.0.1.2 port 79 (tcp) failed: Connection refused
Connection to 10.0.1.2 80 port [tcp/http] succeeded!
nc: connect to 10.0.1.2 port 81 (tcp) failed: Connection refused
nc: connect to 10.0.1.2 port 82 (tcp) failed: Connection refused
$ ip netns exec ns0 nc -z -v 10.0.1.2 82 80 http
nc: connect to 10.0.1.2 port 82 (tcp) failed: Connection refused
Connection to 10.0.1.2 80 port [tcp/http] succeeded!
Connection to 10.0.1.2 80 port [tcp/http] succeeded!
$ ip netns exec ns0 nc -z -v -u 10.0.1.2 53-55
Connection to 10.0.1.2 53 port [udp/domain] succeeded!
[1]
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 80
nc: connect to 10.0.2.2 port 80 (tcp) failed: Network is unreachable
[1]
$ ip netns exec ns0 nc -z -w 1 10.0.2.2 80
[1]
$ ip netns exec ns0 nc -z -v -w 1 10.0.1.9 80
nc: connect to 10.0.1.9 port 80 (tcp) timed out: Operation now in progress
[1]
$ ip netns exec ns0 nc -z -v -w 5 10.0.1.9 80
nc: connect to 10.0.1.9 port 80 (tcp) failed: No route to host
[1]
$ ip netns exec ns0 nc -z -v -n -w 1 10.0.1.2 80
Connection to 10.0.1.2 80 port [tcp/*] succeeded!
$ ip netns exec ns1 nc -z -v localhost 80
Connection to localhost (127.0.0.1) 80 port [tcp/http] succeeded!
$ ip netns exec ns0 nc -z -v 127.0.0.1 80
nc: connect to 127.0.0.1 port 80 (tcp) failed: Connection refused
[1]
$ ip netns exec ns0 nc -v -w 1 10.0.1.2
nc: missing port number
[1]
$ ip netns exec ns0 nc -z -v -w 1 nosuchhost 80
nc: getaddrinfo for host "nosuchhost" port 80: Temporary failure in name resolution
[1]
$ ip netns exec ns0 nc -z -v 10.0.1.2 0
nc: port number too small: 0
[1]
$ ip netns exec ns0 nc -z -v 10.0.1.2 70000
nc: port number too large: 70000
[1]
$ ip netns exec ns0 nc -z -w x 10.0.1.2 80
nc: timeout invalid: x
[1]
$ ip netns exec ns0 nc -z -Q 10.0.1.2 80
nc: invalid option -- 'Q'
usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
	  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
	  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
	  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
	  [destination] [port]
[1]
$ ip netns exec ns0 nc
usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
	  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
	  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
	  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
	  [destination] [port]
[1]
$ ip netns exec ns0 conntrack -L
conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
$ ip netns exec ns1 conntrack -L
conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
$ ip netns exec ns1 nc -l -p 8080 &
$ ip netns exec ns0 nc -z -v 10.0.1.2 8080
Connection to 10.0.1.2 8080 port [tcp/http-alt] succeeded!
$ ip netns exec ns0 nc -z -v 10.0.1.2 8080
nc: connect to 10.0.1.2 port 8080 (tcp) failed: Connection refused
[1]
$ ip netns exec ns1 nc -l -u -p 5353 &
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.2 5353
Connection to 10.0.1.2 5353 port [udp/mdns] succeeded!
$ ip netns exec ns0 nc -z -v -u -w 1 10.0.1.2 5353
[1]
$ ip netns exec ns1 ss -lun
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
UNCONN 0      0            0.0.0.0:53        0.0.0.0:*          
