Answer to exercise 2 of docs/en/06-docker-network-modes.md: `--network none` is a namespace
with lo up; built by hand it prints the same `ip addr` as the container. (`explain` comes
after the first docker command, so that it does not also list the daemon's start-up steps.)
netsim: no-diff (uses the simulator-only `docker` front end).
$ docker run -d --name n --network none busybox sleep 3600
f47093377f8812b010a9e8c9fd96919e6179f81543f78828b59eaf8e5591aac8
$ explain docker run -d --name n2 --network none busybox sleep 3600
ip netns add 6433bf5ad499
ip netns exec 6433bf5ad499 ip link set lo up
$ ip netns add mynone
$ ip netns exec mynone ip link set lo up
$ ip netns exec mynone ip addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
$ docker exec n ip addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
