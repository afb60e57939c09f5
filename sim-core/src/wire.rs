//! Frames on the wire: Ethernet II carrying ARP or IPv4 with ICMP, TCP or UDP, built and
//! parsed with etherparse (checksums included). Nothing outside this module touches raw
//! bytes; the engine sees the typed [`Frame`].
//!
//! Architecture invariant: parsing never panics on any input; anything that is not a
//! well-formed frame of a modelled protocol is an `Err` or an `Other` body.

use std::net::Ipv4Addr;

use etherparse::{
    ArpHardwareId, ArpOperation, ArpPacket, EtherType, Icmpv4Header, Icmpv4Type, IpNumber,
    Ipv4Header, NetHeaders, PacketBuilder, PacketHeaders, TransportHeader,
};

/// A MAC address.
pub type Mac = [u8; 6];

/// The broadcast MAC.
pub const BROADCAST: Mac = [0xff; 6];

/// An Ethernet frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub dst: Mac,
    pub src: Mac,
    pub body: Body,
}

/// What an Ethernet frame carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Arp(Arp),
    Ipv4(Ipv4),
    /// A protocol the model does not handle (IPv6, ...): forwarded by bridges, ignored by hosts.
    Other {
        ethertype: u16,
        len: usize,
    },
}

/// ARP over Ethernet for IPv4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arp {
    pub request: bool,
    pub sha: Mac,
    pub spa: Ipv4Addr,
    pub tha: Mac,
    pub tpa: Ipv4Addr,
}

/// An IPv4 packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ipv4 {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub ttl: u8,
    pub id: u16,
    pub tos: u8,
    pub l4: L4,
}

/// The transport part of an IPv4 packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum L4 {
    Icmp(Icmp),
    Tcp(Tcp),
    Udp(Udp),
    Other { proto: u8, payload: Vec<u8> },
}

/// ICMP: type, code, the four bytes after the checksum, and the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icmp {
    pub typ: u8,
    pub code: u8,
    pub rest: [u8; 4],
    pub data: Vec<u8>,
}

pub const ICMP_ECHO_REPLY: u8 = 0;
pub const ICMP_DEST_UNREACH: u8 = 3;
pub const ICMP_ECHO_REQUEST: u8 = 8;
pub const ICMP_TIME_EXCEEDED: u8 = 11;

impl Icmp {
    pub fn echo(request: bool, id: u16, seq: u16, data: Vec<u8>) -> Icmp {
        let i = id.to_be_bytes();
        let s = seq.to_be_bytes();
        Icmp {
            typ: if request {
                ICMP_ECHO_REQUEST
            } else {
                ICMP_ECHO_REPLY
            },
            code: 0,
            rest: [i[0], i[1], s[0], s[1]],
            data,
        }
    }
    pub fn id(&self) -> u16 {
        u16::from_be_bytes([self.rest[0], self.rest[1]])
    }
    pub fn seq(&self) -> u16 {
        u16::from_be_bytes([self.rest[2], self.rest[3]])
    }
    pub fn is_error(&self) -> bool {
        matches!(self.typ, 3 | 4 | 5 | 11 | 12)
    }
    /// The packet an ICMP error quotes (its IPv4 header and first 8 bytes).
    pub fn quoted(&self) -> Option<Quoted> {
        if !self.is_error() {
            return None;
        }
        let (h, rest) = Ipv4Header::from_slice(&self.data).ok()?;
        let b = rest.get(..8)?;
        Some(Quoted {
            src: Ipv4Addr::from(h.source),
            dst: Ipv4Addr::from(h.destination),
            proto: h.protocol.0,
            a: u16::from_be_bytes([b[0], b[1]]),
            b: u16::from_be_bytes([b[2], b[3]]),
            c: u16::from_be_bytes([b[4], b[5]]),
            d: u16::from_be_bytes([b[6], b[7]]),
        })
    }
}

/// What an ICMP error says about the packet that caused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub proto: u8,
    /// Source port (TCP/UDP) or ICMP type/code.
    pub a: u16,
    /// Destination port (TCP/UDP) or ICMP checksum.
    pub b: u16,
    /// ICMP id.
    pub c: u16,
    /// ICMP sequence.
    pub d: u16,
}

/// TCP flags the model uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TcpFlags {
    pub fin: bool,
    pub syn: bool,
    pub rst: bool,
    pub psh: bool,
    pub ack: bool,
}

impl TcpFlags {
    /// The flags as the byte of a TCP header (FIN=1, SYN=2, RST=4, PSH=8, ACK=16).
    pub fn bits(&self) -> u8 {
        u8::from(self.fin)
            | u8::from(self.syn) << 1
            | u8::from(self.rst) << 2
            | u8::from(self.psh) << 3
            | u8::from(self.ack) << 4
    }
}

/// A TCP segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tcp {
    pub sport: u16,
    pub dport: u16,
    pub seq: u32,
    pub ack: u32,
    pub flags: TcpFlags,
    pub window: u16,
    /// Raw TCP options (a multiple of 4 bytes): Linux sends 20 bytes on SYNs (MSS, SACK,
    /// timestamps, window scale) and 12 (timestamps) on later segments; counters see them.
    pub options: Vec<u8>,
    pub payload: Vec<u8>,
}

/// A UDP datagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Udp {
    pub sport: u16,
    pub dport: u16,
    pub payload: Vec<u8>,
}

impl Ipv4 {
    pub fn proto(&self) -> u8 {
        match &self.l4 {
            L4::Icmp(_) => 1,
            L4::Tcp(_) => 6,
            L4::Udp(_) => 17,
            L4::Other { proto, .. } => *proto,
        }
    }
    /// Total length of the IP packet in bytes (what iptables counters count).
    pub fn total_len(&self) -> usize {
        20 + match &self.l4 {
            L4::Icmp(i) => 8 + i.data.len(),
            L4::Tcp(t) => 20 + t.options.len() + t.payload.len(),
            L4::Udp(u) => 8 + u.payload.len(),
            L4::Other { payload, .. } => payload.len(),
        }
    }
    /// (source port, destination port) for TCP and UDP.
    pub fn ports(&self) -> Option<(u16, u16)> {
        match &self.l4 {
            L4::Tcp(t) => Some((t.sport, t.dport)),
            L4::Udp(u) => Some((u.sport, u.dport)),
            _ => None,
        }
    }
    /// Rewrite the ports of a TCP or UDP packet.
    pub fn set_ports(&mut self, sport: u16, dport: u16) {
        match &mut self.l4 {
            L4::Tcp(t) => {
                t.sport = sport;
                t.dport = dport
            }
            L4::Udp(u) => {
                u.sport = sport;
                u.dport = dport
            }
            _ => {}
        }
    }
    /// What an ICMP error quotes of this packet: as much as fits in 576 bytes (icmp_send).
    pub fn quote(&self) -> Vec<u8> {
        // icmp_send: the error fits in 576 bytes (20 IP + 8 ICMP + up to 548 quoted).
        let mut v = emit_ipv4(self);
        v.truncate(548);
        v
    }
}

impl Frame {
    /// Length on the wire without FCS (what `ip -s link` counts), padded to 60 bytes.
    pub fn wire_len(&self) -> usize {
        14 + match &self.body {
            Body::Arp(_) => 28,
            Body::Ipv4(p) => p.total_len(),
            Body::Other { len, .. } => *len,
        }
    }
    pub fn is_broadcast(&self) -> bool {
        self.dst == BROADCAST
    }
    pub fn is_multicast(&self) -> bool {
        self.dst[0] & 1 == 1
    }
}

fn ip_header(p: &Ipv4, payload_len: usize) -> Ipv4Header {
    let mut h = Ipv4Header::new(
        payload_len as u16,
        p.ttl,
        IpNumber(p.proto()),
        p.src.octets(),
        p.dst.octets(),
    )
    .unwrap_or_default();
    h.identification = p.id;
    h.dont_fragment = !matches!(&p.l4, L4::Icmp(i) if i.is_error());
    h.dscp = etherparse::IpDscp::try_new(p.tos >> 2).unwrap_or_default();
    h
}

fn icmp_type(i: &Icmp) -> Icmpv4Type {
    let mut b = [0u8; 8];
    b[0] = i.typ;
    b[1] = i.code;
    b[4..8].copy_from_slice(&i.rest);
    Icmpv4Header::from_slice(&b)
        .map(|(h, _)| h.icmp_type)
        .unwrap_or(Icmpv4Type::Unknown {
            type_u8: i.typ,
            code_u8: i.code,
            bytes5to8: i.rest,
        })
}

/// Serialise an IPv4 packet (no Ethernet header), with correct checksums.
pub fn emit_ipv4(p: &Ipv4) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.total_len());
    let _ = emit_ip_into(p, &mut out, None);
    out
}

fn emit_ip_into(p: &Ipv4, out: &mut Vec<u8>, eth: Option<(Mac, Mac)>) -> Result<(), String> {
    let h = ip_header(p, 0);
    let b = match eth {
        Some((src, dst)) => PacketBuilder::ethernet2(src, dst)
            .ip(etherparse::IpHeaders::Ipv4(h, Default::default())),
        None => PacketBuilder::ip(etherparse::IpHeaders::Ipv4(h, Default::default())),
    };
    let r = match &p.l4 {
        L4::Icmp(i) => b
            .icmpv4(icmp_type(i))
            .write(out, &i.data)
            .map_err(|e| e.to_string()),
        L4::Tcp(t) => {
            let mut s = b.tcp(t.sport, t.dport, t.seq, t.window);
            if t.flags.syn {
                s = s.syn();
            }
            if t.flags.ack {
                s = s.ack(t.ack);
            }
            if t.flags.fin {
                s = s.fin();
            }
            if t.flags.rst {
                s = s.rst();
            }
            if t.flags.psh {
                s = s.psh();
            }
            if !t.options.is_empty() {
                s = s.options_raw(&t.options).map_err(|e| format!("{e:?}"))?;
            }
            s.write(out, &t.payload).map_err(|e| e.to_string())
        }
        L4::Udp(u) => b
            .udp(u.sport, u.dport)
            .write(out, &u.payload)
            .map_err(|e| e.to_string()),
        L4::Other { payload, .. } => {
            let mut h = ip_header(p, payload.len());
            h.header_checksum = h.calc_header_checksum();
            if let Some((src, dst)) = eth {
                out.extend_from_slice(&dst);
                out.extend_from_slice(&src);
                out.extend_from_slice(&0x0800u16.to_be_bytes());
            }
            h.write(out).map_err(|e| e.to_string())?;
            out.extend_from_slice(payload);
            Ok(())
        }
    };
    r
}

/// The Internet checksum (RFC 1071) of `parts` concatenated, each of even length but the last.
fn inet_checksum(parts: &[&[u8]]) -> u16 {
    let mut sum: u64 = 0;
    for p in parts {
        let mut c = p.chunks_exact(2);
        for w in &mut c {
            sum += u64::from(u16::from_be_bytes([w[0], w[1]]));
        }
        if let [last] = c.remainder() {
            sum += u64::from(*last) << 8;
        }
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// The common case without etherparse's builder: an IPv4 ICMP echo or UDP datagram.
/// `None` for anything else; byte for byte what [`emit`] gives otherwise (checked by a test).
fn emit_fast(f: &Frame) -> Option<Vec<u8>> {
    if let Body::Arp(a) = &f.body {
        // A broadcast storm is ARP: the fast path keeps a loop's cost per frame low.
        let mut out = Vec::with_capacity(60);
        out.extend_from_slice(&f.dst);
        out.extend_from_slice(&f.src);
        out.extend_from_slice(&[0x08, 0x06, 0, 1, 0x08, 0x00, 6, 4, 0]);
        out.push(if a.request { 1 } else { 2 });
        out.extend_from_slice(&a.sha);
        out.extend_from_slice(&a.spa.octets());
        out.extend_from_slice(&a.tha);
        out.extend_from_slice(&a.tpa.octets());
        out.resize(60, 0);
        return Some(out);
    }
    let Body::Ipv4(p) = &f.body else { return None };
    let (l4_head, payload): ([u8; 8], &[u8]) = match &p.l4 {
        L4::Icmp(i) if i.typ == ICMP_ECHO_REPLY || i.typ == ICMP_ECHO_REQUEST => {
            let mut h = [
                i.typ, i.code, 0, 0, i.rest[0], i.rest[1], i.rest[2], i.rest[3],
            ];
            let c = inet_checksum(&[&h, &i.data]);
            h[2..4].copy_from_slice(&c.to_be_bytes());
            (h, &i.data)
        }
        L4::Udp(u) => {
            let len = u16::try_from(8 + u.payload.len()).ok()?;
            let [sp, dp, l] = [
                u.sport.to_be_bytes(),
                u.dport.to_be_bytes(),
                len.to_be_bytes(),
            ];
            let mut h = [sp[0], sp[1], dp[0], dp[1], l[0], l[1], 0, 0];
            let (s, d) = (p.src.octets(), p.dst.octets());
            let pseudo = [
                s[0], s[1], s[2], s[3], d[0], d[1], d[2], d[3], 0, 17, l[0], l[1],
            ];
            let mut c = inet_checksum(&[&pseudo, &h, &u.payload]);
            if c == 0 {
                c = 0xffff;
            }
            h[6..8].copy_from_slice(&c.to_be_bytes());
            (h, &u.payload)
        }
        _ => return None,
    };
    let total = u16::try_from(20 + 8 + payload.len()).ok()?;
    let mut out = Vec::with_capacity((14 + usize::from(total)).max(60));
    out.extend_from_slice(&f.dst);
    out.extend_from_slice(&f.src);
    out.extend_from_slice(&[0x08, 0x00]);
    let (t, id) = (total.to_be_bytes(), p.id.to_be_bytes());
    let (s, d) = (p.src.octets(), p.dst.octets());
    // Echo and UDP are never ICMP errors: Don't Fragment is set.
    let mut ip = [
        0x45,
        p.tos & 0xfc,
        t[0],
        t[1],
        id[0],
        id[1],
        0x40,
        0,
        p.ttl,
        p.proto(),
        0,
        0,
        s[0],
        s[1],
        s[2],
        s[3],
        d[0],
        d[1],
        d[2],
        d[3],
    ];
    let c = inet_checksum(&[&ip]);
    ip[10..12].copy_from_slice(&c.to_be_bytes());
    out.extend_from_slice(&ip);
    out.extend_from_slice(&l4_head);
    out.extend_from_slice(payload);
    if out.len() < 60 {
        out.resize(60, 0); // Ethernet minimum frame size
    }
    Some(out)
}

/// Serialise a frame to bytes.
pub fn emit(f: &Frame) -> Vec<u8> {
    if let Some(b) = emit_fast(f) {
        return b;
    }
    emit_general(f)
}

/// Serialise a frame with etherparse (every case, the reference for `emit_fast`).
fn emit_general(f: &Frame) -> Vec<u8> {
    let mut out = Vec::with_capacity(f.wire_len().max(60));
    match &f.body {
        Body::Arp(a) => {
            let arp = ArpPacket::new(
                ArpHardwareId::ETHERNET,
                EtherType::IPV4,
                if a.request {
                    ArpOperation::REQUEST
                } else {
                    ArpOperation::REPLY
                },
                &a.sha,
                &a.spa.octets(),
                &a.tha,
                &a.tpa.octets(),
            );
            if let Ok(arp) = arp {
                let _ = PacketBuilder::ethernet2(f.src, f.dst)
                    .arp(arp)
                    .write(&mut out);
            }
        }
        Body::Ipv4(p) => {
            let _ = emit_ip_into(p, &mut out, Some((f.src, f.dst)));
        }
        Body::Other { ethertype, len } => {
            out.extend_from_slice(&f.dst);
            out.extend_from_slice(&f.src);
            out.extend_from_slice(&ethertype.to_be_bytes());
            out.resize(14 + len, 0);
        }
    }
    if out.len() < 60 {
        out.resize(60, 0); // Ethernet minimum frame size
    }
    out
}

/// Parse bytes into a frame.
pub fn parse(bytes: &[u8]) -> Result<Frame, String> {
    if let Some(f) = parse_fast(bytes) {
        return Ok(f);
    }
    parse_general(bytes)
}

/// The common case without etherparse's large intermediate headers: Ethernet II with an
/// unfragmented IPv4 packet without options carrying an ICMP echo, UDP or TCP. `None` for
/// anything else (and for anything malformed), which [`parse_general`] then decides; for
/// what it accepts it gives exactly what `parse_general` gives (checked by a test).
fn parse_fast(bytes: &[u8]) -> Option<Frame> {
    let eth = bytes.get(..14)?;
    let mut dst = [0u8; 6];
    let mut src = [0u8; 6];
    dst.copy_from_slice(&eth[0..6]);
    src.copy_from_slice(&eth[6..12]);
    if eth[12..14] == [0x08, 0x06] {
        // ARP for IPv4 over Ethernet, a request or a reply.
        let a = bytes.get(14..42)?;
        if a[..7] != [0, 1, 0x08, 0x00, 6, 4, 0] || !matches!(a[7], 1 | 2) {
            return None;
        }
        let mac = |b: &[u8]| -> Mac { [b[0], b[1], b[2], b[3], b[4], b[5]] };
        return Some(Frame {
            dst,
            src,
            body: Body::Arp(Arp {
                request: a[7] == 1,
                sha: mac(&a[8..14]),
                spa: Ipv4Addr::new(a[14], a[15], a[16], a[17]),
                tha: mac(&a[18..24]),
                tpa: Ipv4Addr::new(a[24], a[25], a[26], a[27]),
            }),
        });
    }
    if eth[12..14] != [0x08, 0x00] {
        return None;
    }
    let ip = &bytes[14..];
    let h = ip.get(..20)?;
    if h[0] != 0x45 {
        return None;
    }
    let total = usize::from(u16::from_be_bytes([h[2], h[3]]));
    if total < 20 || total > ip.len() {
        return None;
    }
    let frag = u16::from_be_bytes([h[6], h[7]]);
    if frag & 0x3fff != 0 {
        return None; // more fragments or an offset: not the fast path
    }
    let pl = &ip[20..total];
    let l4 = match h[9] {
        1 => {
            let i = pl.get(..8)?;
            if i[0] != ICMP_ECHO_REPLY && i[0] != ICMP_ECHO_REQUEST {
                return None;
            }
            L4::Icmp(Icmp {
                typ: i[0],
                code: i[1],
                rest: [i[4], i[5], i[6], i[7]],
                data: pl[8..].to_vec(),
            })
        }
        6 => {
            let t = pl.get(..20)?;
            let doff = usize::from(t[12] >> 4) * 4;
            if doff < 20 || pl.len() < doff {
                return None;
            }
            let f = t[13];
            L4::Tcp(Tcp {
                sport: u16::from_be_bytes([t[0], t[1]]),
                dport: u16::from_be_bytes([t[2], t[3]]),
                seq: u32::from_be_bytes([t[4], t[5], t[6], t[7]]),
                ack: u32::from_be_bytes([t[8], t[9], t[10], t[11]]),
                flags: TcpFlags {
                    fin: f & 1 != 0,
                    syn: f & 2 != 0,
                    rst: f & 4 != 0,
                    psh: f & 8 != 0,
                    ack: f & 16 != 0,
                },
                window: u16::from_be_bytes([t[14], t[15]]),
                options: pl[20..doff].to_vec(),
                payload: pl[doff..].to_vec(),
            })
        }
        17 => {
            let u = pl.get(..8)?;
            L4::Udp(Udp {
                sport: u16::from_be_bytes([u[0], u[1]]),
                dport: u16::from_be_bytes([u[2], u[3]]),
                payload: pl[8..].to_vec(),
            })
        }
        _ => return None,
    };
    Some(Frame {
        dst,
        src,
        body: Body::Ipv4(Ipv4 {
            src: Ipv4Addr::new(h[12], h[13], h[14], h[15]),
            dst: Ipv4Addr::new(h[16], h[17], h[18], h[19]),
            ttl: h[8],
            id: u16::from_be_bytes([h[4], h[5]]),
            tos: h[1] & 0xfc,
            l4,
        }),
    })
}

/// Parse bytes into a frame with etherparse (every case, the reference for `parse_fast`).
fn parse_general(bytes: &[u8]) -> Result<Frame, String> {
    let h = PacketHeaders::from_ethernet_slice(bytes).map_err(|e| e.to_string())?;
    let Some(etherparse::LinkHeader::Ethernet2(eth)) = h.link else {
        return Err("not Ethernet II".into());
    };
    let body = match h.net {
        Some(NetHeaders::Arp(a)) => {
            let a = a.try_eth_ipv4().map_err(|e| e.to_string())?;
            Body::Arp(Arp {
                request: a.operation == ArpOperation::REQUEST,
                sha: a.sender_mac,
                spa: a.sender_ipv4_addr(),
                tha: a.target_mac,
                tpa: a.target_ipv4_addr(),
            })
        }
        Some(NetHeaders::Ipv4(ip, _)) => {
            let payload = h.payload.slice().to_vec();
            let l4 = match h.transport {
                Some(TransportHeader::Icmpv4(i)) => {
                    let b = i.to_bytes();
                    L4::Icmp(Icmp {
                        typ: b[0],
                        code: b[1],
                        rest: [b[4], b[5], b[6], b[7]],
                        data: payload,
                    })
                }
                Some(TransportHeader::Tcp(t)) => L4::Tcp(Tcp {
                    sport: t.source_port,
                    dport: t.destination_port,
                    seq: t.sequence_number,
                    ack: t.acknowledgment_number,
                    flags: TcpFlags {
                        fin: t.fin,
                        syn: t.syn,
                        rst: t.rst,
                        psh: t.psh,
                        ack: t.ack,
                    },
                    window: t.window_size,
                    options: t.options.as_slice().to_vec(),
                    payload,
                }),
                Some(TransportHeader::Udp(u)) => L4::Udp(Udp {
                    sport: u.source_port,
                    dport: u.destination_port,
                    payload,
                }),
                _ => L4::Other {
                    proto: ip.protocol.0,
                    payload,
                },
            };
            Body::Ipv4(Ipv4 {
                src: Ipv4Addr::from(ip.source),
                dst: Ipv4Addr::from(ip.destination),
                ttl: ip.time_to_live,
                id: ip.identification,
                tos: ip.dscp.value() << 2,
                l4,
            })
        }
        _ => Body::Other {
            ethertype: eth.ether_type.0,
            len: bytes.len().saturating_sub(14),
        },
    };
    Ok(Frame {
        dst: eth.destination,
        src: eth.source,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(l4: L4) -> Frame {
        Frame {
            dst: [2, 0, 0, 0, 0, 2],
            src: [2, 0, 0, 0, 0, 1],
            body: Body::Ipv4(Ipv4 {
                src: Ipv4Addr::new(10, 0, 1, 1),
                dst: Ipv4Addr::new(10, 0, 1, 2),
                ttl: 64,
                id: 7,
                tos: 0,
                l4,
            }),
        }
    }

    #[test]
    fn round_trips() {
        let frames = vec![
            ip(L4::Icmp(Icmp::echo(true, 0x1234, 1, vec![0xab; 56]))),
            ip(L4::Tcp(Tcp {
                sport: 40000,
                dport: 80,
                seq: 1,
                ack: 0,
                flags: TcpFlags {
                    syn: true,
                    ..Default::default()
                },
                window: 64240,
                options: vec![],
                payload: vec![],
            })),
            ip(L4::Udp(Udp {
                sport: 5000,
                dport: 53,
                payload: vec![1, 2, 3],
            })),
            Frame {
                dst: BROADCAST,
                src: [2, 0, 0, 0, 0, 1],
                body: Body::Arp(Arp {
                    request: true,
                    sha: [2, 0, 0, 0, 0, 1],
                    spa: Ipv4Addr::new(10, 0, 1, 1),
                    tha: [0; 6],
                    tpa: Ipv4Addr::new(10, 0, 1, 2),
                }),
            },
        ];
        for f in frames {
            let b = emit(&f);
            assert_eq!(parse(&b).unwrap(), f, "{f:?}");
        }
    }

    #[test]
    fn icmp_checksum_is_valid() {
        let b = emit(&ip(L4::Icmp(Icmp::echo(true, 1, 1, vec![0; 56]))));
        // The ICMP checksum over the ICMP message must fold to zero.
        let icmp = &b[34..34 + 64];
        let mut sum: u32 = 0;
        for c in icmp.chunks(2) {
            sum += u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
        }
        while sum >> 16 != 0 {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        assert_eq!(sum, 0xffff);
    }

    #[test]
    fn garbage_never_panics() {
        for n in 0..80 {
            let v: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let _ = parse(&v);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast path agrees with etherparse on every frame it accepts: valid frames of
        /// each kind with random bytes changed, cut short or extended.
        #[test]
        fn fast_parse_agrees_with_etherparse(
            kind in 0usize..8,
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            opts in 0usize..3,
            edits in proptest::collection::vec((0usize..120, proptest::prelude::any::<u8>()), 0..4),
            cut in 0usize..130,
            extend in 0usize..8,
        ) {
            let l4 = match kind {
                0 => L4::Icmp(Icmp::echo(true, 0x1234, 1, data.clone())),
                1 => L4::Icmp(Icmp::echo(false, 7, 9, data.clone())),
                2 => L4::Icmp(Icmp { typ: 3, code: 3, rest: [1, 2, 3, 4], data: data.clone() }),
                3 => L4::Tcp(Tcp { sport: 40000, dport: 80, seq: 1, ack: 5, flags: TcpFlags { syn: true, ack: true, ..Default::default() }, window: 64240, options: vec![1; opts * 4], payload: data.clone() }),
                4 => L4::Udp(Udp { sport: 5000, dport: 53, payload: data.clone() }),
                5 => L4::Other { proto: 47, payload: data.clone() },
                _ => L4::Icmp(Icmp::echo(true, 1, 1, vec![])),
            };
            let mut b = if kind >= 6 {
                emit_general(&arp_frame(kind == 6, &data))
            } else {
                emit(&ip(l4))
            };
            for (at, v) in edits {
                if let Some(x) = b.get_mut(at) {
                    *x = v;
                }
            }
            if cut < b.len() {
                b.truncate(cut);
            }
            b.extend(std::iter::repeat_n(0xee, extend));
            if let Some(f) = parse_fast(&b) {
                proptest::prop_assert_eq!(Ok(f), parse_general(&b));
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast emitter writes exactly the bytes etherparse's builder writes.
        #[test]
        fn fast_emit_agrees_with_etherparse(
            kind in 0usize..5,
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
            src in proptest::prelude::any::<u32>(),
            dst in proptest::prelude::any::<u32>(),
            ttl in proptest::prelude::any::<u8>(),
            id in proptest::prelude::any::<u16>(),
            tos in proptest::prelude::any::<u8>(),
            code in proptest::prelude::any::<u8>(),
            rest in proptest::prelude::any::<[u8; 4]>(),
            ports in proptest::prelude::any::<(u16, u16)>(),
        ) {
            let l4 = match kind {
                0 => L4::Icmp(Icmp { typ: ICMP_ECHO_REQUEST, code, rest, data: data.clone() }),
                1 => L4::Icmp(Icmp { typ: ICMP_ECHO_REPLY, code, rest, data: data.clone() }),
                _ => L4::Udp(Udp { sport: ports.0, dport: ports.1, payload: data.clone() }),
            };
            let f = if kind >= 3 {
                arp_frame(kind == 3, &data)
            } else {
                Frame {
                    dst: [2, 0, 0, 0, 0, 2],
                    src: [2, 0, 0, 0, 0, 1],
                    body: Body::Ipv4(Ipv4 { src: Ipv4Addr::from(src), dst: Ipv4Addr::from(dst), ttl, id, tos, l4 }),
                }
            };
            let fast = emit_fast(&f);
            proptest::prop_assert!(fast.is_some());
            proptest::prop_assert_eq!(fast.unwrap(), emit_general(&f));
        }
    }

    /// An ARP request or reply whose addresses come from `seed` bytes.
    fn arp_frame(request: bool, seed: &[u8]) -> Frame {
        let b = |i: usize| seed.get(i).copied().unwrap_or(i as u8);
        Frame {
            dst: [0xff; 6],
            src: [2, b(0), b(1), b(2), b(3), b(4)],
            body: Body::Arp(Arp {
                request,
                sha: [2, b(0), b(1), b(2), b(3), b(4)],
                spa: Ipv4Addr::new(b(5), b(6), b(7), b(8)),
                tha: [b(9), b(10), b(11), b(12), b(13), b(14)],
                tpa: Ipv4Addr::new(b(15), b(16), b(17), b(18)),
            }),
        }
    }

    #[test]
    fn fast_emit_leaves_the_rest_to_etherparse() {
        let tcp = L4::Tcp(Tcp {
            sport: 1,
            dport: 2,
            seq: 3,
            ack: 4,
            flags: TcpFlags::default(),
            window: 5,
            options: vec![],
            payload: vec![],
        });
        assert_eq!(emit_fast(&ip(tcp)), None);
        assert_eq!(
            emit_fast(&ip(L4::Icmp(Icmp {
                typ: 3,
                code: 1,
                rest: [0; 4],
                data: vec![]
            }))),
            None
        );
    }

    #[test]
    fn fast_parse_takes_the_common_frames() {
        for l4 in [
            L4::Icmp(Icmp::echo(true, 1, 2, vec![0; 56])),
            L4::Udp(Udp {
                sport: 1,
                dport: 2,
                payload: vec![3],
            }),
            L4::Tcp(Tcp {
                sport: 1,
                dport: 2,
                seq: 3,
                ack: 4,
                flags: TcpFlags::default(),
                window: 5,
                options: vec![1, 1, 1, 1],
                payload: vec![6],
            }),
        ] {
            let b = emit(&ip(l4));
            assert_eq!(parse_fast(&b), Some(parse_general(&b).unwrap()));
        }
        for request in [true, false] {
            let b = emit_general(&arp_frame(request, &[7; 20]));
            assert_eq!(parse_fast(&b), Some(parse_general(&b).unwrap()));
            assert_eq!(emit_fast(&arp_frame(request, &[7; 20])), Some(b));
        }
    }

    #[test]
    fn quoted_packet_of_an_error() {
        let orig = Ipv4 {
            src: Ipv4Addr::new(10, 0, 1, 1),
            dst: Ipv4Addr::new(10, 0, 2, 2),
            ttl: 1,
            id: 1,
            tos: 0,
            l4: L4::Icmp(Icmp::echo(true, 9, 3, vec![0; 56])),
        };
        let e = Icmp {
            typ: ICMP_TIME_EXCEEDED,
            code: 0,
            rest: [0; 4],
            data: orig.quote(),
        };
        let q = e.quoted().unwrap();
        assert_eq!(
            (q.dst, q.proto, q.c, q.d),
            (Ipv4Addr::new(10, 0, 2, 2), 1, 9, 3)
        );
    }
}
