A route that duplicates the connected one is refused, as the kernel refuses any route with
the same prefix, table and metric; another metric is a second route.
$ ip link add veth3 type veth peer name veth4
$ ip addr add 192.168.64.2/24 dev veth3
$ ip link set veth3 up
$ ip link set veth4 up
$ ip route add 192.168.64.0/24 via 192.168.64.1 dev veth3
RTNETLINK answers: File exists
[2]
$ ip route add 192.168.64.0/24 dev veth3
RTNETLINK answers: File exists
[2]
$ ip route add 192.168.64.0/24 via 192.168.64.1 dev veth3 metric 10
$ ip route
192.168.64.0/24 dev veth3 proto kernel scope link src 192.168.64.2 
192.168.64.0/24 via 192.168.64.1 dev veth3 metric 10 
$ ip link set veth3 down
$ ip route add 192.168.64.0/24 dev veth4
$ ip route
192.168.64.0/24 dev veth4 scope link linkdown 
