brctl and bridge argument handling and error messages; `bridge fdb add/del ... master`.
$ brctl
Usage: brctl [commands]
commands:
	addbr     	<bridge>		add bridge
	delbr     	<bridge>		delete bridge
	addif     	<bridge> <device>	add interface to bridge
	delif     	<bridge> <device>	delete interface from bridge
	hairpin   	<bridge> <port> {on|off}	turn hairpin on/off
	setageing 	<bridge> <time>		set ageing time
	setbridgeprio	<bridge> <prio>		set bridge priority
	setfd     	<bridge> <time>		set bridge forward delay
	sethello  	<bridge> <time>		set hello time
	setmaxage 	<bridge> <time>		set max message age
	setpathcost	<bridge> <port> <cost>	set path cost
	setportprio	<bridge> <port> <prio>	set port priority
	show      	[ <bridge> ]		show a list of bridges
	showmacs  	<bridge>		show a list of mac addrs
	showstp   	<bridge>		show bridge stp info
	stp       	<bridge> {on|off}	turn stp on/off
[1]
$ brctl foo
never heard of command [foo]
Usage: brctl [commands]
commands:
	addbr     	<bridge>		add bridge
	delbr     	<bridge>		delete bridge
	addif     	<bridge> <device>	add interface to bridge
	delif     	<bridge> <device>	delete interface from bridge
	hairpin   	<bridge> <port> {on|off}	turn hairpin on/off
	setageing 	<bridge> <time>		set ageing time
	setbridgeprio	<bridge> <prio>		set bridge priority
	setfd     	<bridge> <time>		set bridge forward delay
	sethello  	<bridge> <time>		set hello time
	setmaxage 	<bridge> <time>		set max message age
	setpathcost	<bridge> <port> <cost>	set path cost
	setportprio	<bridge> <port> <prio>	set port priority
	show      	[ <bridge> ]		show a list of bridges
	showmacs  	<bridge>		show a list of mac addrs
	showstp   	<bridge>		show bridge stp info
	stp       	<bridge> {on|off}	turn stp on/off
[1]
$ brctl addbr
Incorrect number of arguments for command
Usage: brctl addbr <bridge>		add bridge
[1]
$ brctl addif br0
Incorrect number of arguments for command
Usage: brctl addif <bridge> <device>	add interface to bridge
[1]
$ brctl addbr lo
device lo already exists; can't create bridge with the same name
[1]
$ brctl delbr lo
can't delete bridge lo: Operation not permitted
[1]
$ brctl addbr br0
$ brctl show br0 nosuch
bridge nosuch does not exist!
bridge name	bridge id		STP enabled	interfaces
br0		8000.000000000000	no		
[1]
$ brctl show lo
device lo is not a bridge!
[1]
$ brctl showmacs nosuch
read of forward table failed: No such device
[1]
$ brctl showmacs lo
read of forward table failed: Operation not supported
[1]
$ brctl showstp nosuch
bridge nosuch does not exist!
[1]
$ brctl setageing br0 12.345
$ brctl setageing br0 abc
bad ageing time value
[1]
$ brctl setageing nosuch 10
set ageing time failed: No such device
[1]
$ brctl stp br0 maybe
expect on/off for argument
[1]
$ brctl stp nosuch on
set stp status failed: No such device
[1]
$ brctl stp br0 off
$ brctl show
bridge name	bridge id		STP enabled	interfaces
br0		8000.000000000000	no		
$ ip link add veth0 type veth peer name p0
$ ip link set veth0 address 02:00:00:00:00:05
$ brctl addif br0 lo
can't add lo to bridge br0: Invalid argument
[1]
$ brctl addif lo veth0
can't add veth0 to bridge lo: Operation not supported
[1]
$ brctl addif br0 veth0
$ brctl addif br0 veth0
device veth0 is already a member of a bridge; can't add it to bridge br0.
[1]
$ brctl delif br0 p0
device p0 is not a port of br0
[1]
$ ip link set br0 up
$ bridge fdb add 02:00:00:00:00:99 dev veth0 master static
$ bridge fdb add 02:00:00:00:00:98 dev veth0 master
$ bridge fdb add 02:00:00:00:00:99 dev veth0 master static
RTNETLINK answers: File exists
[255]
$ bridge fdb add 02:00:00:00:00:96 dev br0 master static
RTNETLINK answers: Operation not supported
[255]
$ bridge fdb add 02:00:00:00:00:95 dev p0 master static
RTNETLINK answers: Operation not supported
[255]
$ bridge fdb add zz dev veth0 master
Invalid mac address zz
[255]
$ bridge fdb add 02:00:00:00:00:94 dev nosuch master
Cannot find device "nosuch"
[255]
$ bridge fdb add 02:00:00:00:00:94 master
Device and address are required arguments.
[255]
$ bridge fdb show br br0
33:33:00:00:00:01 dev br0 self permanent
01:00:5e:00:00:6a dev br0 self permanent
33:33:00:00:00:6a dev br0 self permanent
01:00:5e:00:00:01 dev br0 self permanent
02:00:00:00:00:98 dev veth0 master br0 permanent
02:00:00:00:00:99 dev veth0 master br0 static
02:00:00:00:00:05 dev veth0 master br0 permanent
33:33:00:00:00:01 dev veth0 self permanent
$ brctl showmacs br0
port no	mac addr		is local?	ageing timer
  1	02:00:00:00:00:05	yes		   0.00
  1	02:00:00:00:00:98	yes		   0.00
  1	02:00:00:00:00:99	no		   0.00
$ bridge fdb del 02:00:00:00:00:99 dev veth0 master
$ bridge fdb del 02:00:00:00:00:99 dev veth0 master
RTNETLINK answers: No such file or directory
[255]
$ bridge fdb show dev veth0
02:00:00:00:00:98 master br0 permanent
02:00:00:00:00:05 master br0 permanent
33:33:00:00:00:01 self permanent
$ bridge fdb show br nosuch
Cannot find bridge device "nosuch"
[255]
$ bridge link show dev nosuch
Cannot find device "nosuch"
[255]
$ bridge -br link
Option "-br" is unknown, try "bridge help".
[255]
$ bridge foo
Object "foo" is unknown, try "bridge help".
[255]
$ bridge fdb foo
Command "foo" is unknown, try "bridge fdb help".
[255]
$ bridge
Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
[255]
