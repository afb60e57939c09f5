bash's own behaviour around the tools: a pipeline's status is its last command's, `echo`
options and escapes, `$?`, and GNU grep's basic and extended patterns after a pipe.
$ ip link add v0 type veth peer name v1
$ ip link | grep nomatch
[1]
$ ip link | grep -c 'v0\|v1'
2
$ ip -br link | grep -E '^(v0|v1)'
v1@v0            DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,M-DOWN> 
v0@v1            DOWN           36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,M-DOWN> 
$ ip -br link | grep -w lo
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
$ ip -br link | grep -v -e lo -e v0
[1]
$ ip -o link | grep -o 'mtu [0-9]*'
mtu 65536
mtu 1500
mtu 1500
$ ip link show | grep -q v1
$ echo $?
0
$ ip link show | grep -q nomatch
[1]
$ echo $?
1
$ echo -n abc > f
$ cat f
abc
$ echo -e "a\tb\c" more
a	b
$ echo -E "a\tb"
a\tb
$ echo -ne "x\n"
x
$ echo -- -n
-- -n
$ echo -nx y
-nx y
$ false
[1]
$ echo "status $?"
status 1
$ echo '$?'
$?
$ ip -br link | grep -A1 v1
v1@v0            DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,M-DOWN> 
v0@v1            DOWN           36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,M-DOWN> 
$ ip -br link | grep -n -i V0
2:v1@v0            DOWN           6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,M-DOWN> 
3:v0@v1            DOWN           36:c0:d8:ba:5f:a5 <BROADCAST,MULTICAST,M-DOWN> 
$ cat f >> f
cat: f: input file is output file
[1]
$ cat f f > g
$ cat g > g
$ cat g
