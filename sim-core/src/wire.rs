//! Frames on the wire: building and parsing Ethernet/ARP/IPv4/ICMP/TCP/UDP bytes with
//! etherparse. Nothing outside this module touches raw bytes.
