Docker's host mode: the container gets no namespace of its own; it sees and binds the host's
interfaces and ports. netsim: no-diff (the kernel sandbox has no docker).
$ ip link add dummyhost type veth peer name dummypeer
$ ip addr add 10.9.0.1/24 dev dummyhost
$ docker run -d --name h --network host -p 8080:80 nginx
WARNING: Published ports are discarded when using host network mode
ccbedcbac7c065cbfc0716ad863ce621c3ce619393586d048c3ddbab89a279a6
$ docker ps
CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS     NAMES
ccbedcbac7c0   nginx     "/docker-entrypoint.…"   Less than a second ago   Up Less than a second             h
$ docker inspect -f '{{.HostConfig.NetworkMode}} ip=[{{.NetworkSettings.IPAddress}}] sandbox=[{{.NetworkSettings.SandboxKey}}]' h
host ip=[] sandbox=[]
$ docker exec h ip -br addr
lo               UNKNOWN        127.0.0.1/8 ::1/128 
dummypeer@dummyhost DOWN           
dummyhost@dummypeer DOWN           10.9.0.1/24 
docker0          UNKNOWN        172.17.0.1/16 fe80::7c88:9bff:fe8f:a460/64 
$ ip -br addr
lo               UNKNOWN        127.0.0.1/8 ::1/128 
dummypeer@dummyhost DOWN           
dummyhost@dummypeer DOWN           10.9.0.1/24 
docker0          UNKNOWN        172.17.0.1/16 fe80::7c88:9bff:fe8f:a460/64 
$ ip netns list
$ explain docker exec h ip route
ip route
$ docker network inspect -f '{{range .Containers}}{{.Name}} [{{.IPv4Address}}]{{end}}' host
h []
$ docker stop h
h
$ docker exec h ip addr
Error response from daemon: container ccbedcbac7c065cbfc0716ad863ce621c3ce619393586d048c3ddbab89a279a6 is not running
[1]
