A published port with a real connection, and the two network modes that share a stack.
netsim: no-diff (the kernel sandbox has no docker).
`docker run -p 8080:80 nginx` adds a DNAT rule in the nat table's DOCKER chain: a client in
an "outside" namespace connects to the host's address on port 8080, the rule sends it to the
container's port 80 (nginx listens there), and the counters of the DNAT rule and the
conntrack entry (with its translated reply tuple) show the path it took. A `--network host`
container's listener is on the host's own stack, so the host reaches it on its own address;
two containers sharing one stack with `--network container:` reach each other on localhost.
$ ip netns add outside
$ ip link add uplink type veth peer name ext0
$ ip link set ext0 netns outside
$ ip addr add 192.0.2.1/24 dev uplink
$ ip link set uplink up
$ ip netns exec outside ip addr add 192.0.2.2/24 dev ext0
$ ip netns exec outside ip link set ext0 up
$ docker run -d --name web -p 8080:80 nginx
ccbedcbac7c065cbfc0716ad863ce621c3ce619393586d048c3ddbab89a279a6
$ ip netns exec outside nc -z -v -w 1 192.0.2.1 8080
Connection to 192.0.2.1 8080 port [tcp/http-alt] succeeded!
$ ip netns exec outside nc -z -v -w 1 192.0.2.1 8081
nc: connect to 192.0.2.1 port 8081 (tcp) failed: Connection refused
[1]
$ iptables -t nat -L DOCKER -n -v
Chain DOCKER (2 references)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 RETURN     0    --  docker0 *       0.0.0.0/0            0.0.0.0/0           
    1    60 DNAT       6    --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80
$ conntrack -L -p tcp
conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.
tcp      6 119 TIME_WAIT src=192.0.2.2 dst=192.0.2.1 sport=32768 dport=8080 src=172.17.0.2 dst=192.0.2.2 sport=80 dport=32768 [ASSURED] mark=0 use=1
$ docker run -d --name h --network host nginx
373a763d3a945990cca3c6b31ec0d12767b5653e8aefeca4d844a00ddcb53313
$ nc -z -v -w 1 192.0.2.1 80
Connection to 192.0.2.1 80 port [tcp/http] succeeded!
$ docker run -d --name app busybox sleep 3600
3fc6cbec4be3a077d7f02d711fee1da2af7b2bc9c837de34dd265b791c27b949
$ docker run -d --name side --network container:app busybox sleep 3600
0f673ca952aada653447d2af5cf57e75746f061b0635f9a281a9c83bc6f4b070
$ docker exec -d app nc -l -k -p 9000
$ docker exec side nc -z -v -w 1 127.0.0.1 9000
Connection to 127.0.0.1 9000 port [tcp/*] succeeded!
$ docker exec side ss -ltn
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      1            0.0.0.0:9000      0.0.0.0:*          
$ docker exec web nc -z -v -w 1 127.0.0.1 9000
nc: connect to 127.0.0.1 port 9000 (tcp) failed: Connection refused
[1]
$ docker rm -f web h app side
web
h
app
side
