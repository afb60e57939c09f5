//! `netsim run --pcap DIR` writes valid captures: every file reads back with the pcap-file
//! crate, every IPv4 header and every ICMP, TCP and UDP checksum verifies with an RFC 1071
//! implementation of our own, and, where tcpdump is installed, `tcpdump -nn -vv` reads every
//! file without complaining about a checksum.

use std::path::{Path, PathBuf};
use std::process::Command;

/// ARP, ICMP echo, a TCP handshake and close (`nc -z` to a listener), a TCP reset, a UDP
/// probe answered by ICMP port unreachable, and a ping over loopback.
const SCENARIO: &str = "\
$ ip netns add ns0
$ ip netns add ns1
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip -n ns0 addr add 10.0.1.1/24 dev veth0
$ ip -n ns1 addr add 10.0.1.2/24 dev veth1
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns0 link set lo up
$ ip -n ns1 link set lo up
$ ip netns exec ns0 ping -c 2 -i 0.2 -s 101 10.0.1.2
$ ip netns exec ns1 nc -l -k -p 80 &
$ ip netns exec ns0 nc -z -w 1 10.0.1.2 80
$ ip netns exec ns0 nc -z -w 1 10.0.1.2 81
$ ip netns exec ns0 nc -z -u -w 1 10.0.1.2 53
$ ip netns exec ns0 ping -c 1 10.0.1.1
";

/// The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of
/// 16-bit words, an odd last byte padded with zero.
fn rfc1071(parts: &[&[u8]]) -> u16 {
    let mut sum: u32 = 0;
    let mut odd: Option<u8> = None;
    for p in parts {
        for &b in *p {
            match odd.take() {
                Some(hi) => sum += u32::from(u16::from_be_bytes([hi, b])),
                None => odd = Some(b),
            }
        }
    }
    if let Some(hi) = odd {
        sum += u32::from(hi) << 8;
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// What a frame carried, for the coverage check.
#[derive(Debug, Default)]
struct Seen {
    arp: usize,
    icmp_echo: usize,
    icmp_error: usize,
    tcp: usize,
    udp: usize,
}

/// Check every checksum of one Ethernet frame; `Err` names the first that is wrong.
fn check_frame(f: &[u8], seen: &mut Seen) -> Result<(), String> {
    let eth = f.get(..14).ok_or("frame shorter than an Ethernet header")?;
    match u16::from_be_bytes([eth[12], eth[13]]) {
        0x0806 => {
            f.get(14..42).ok_or("short ARP")?;
            seen.arp += 1;
            Ok(())
        }
        0x0800 => check_ipv4(&f[14..], seen, false),
        t => Err(format!("unexpected ethertype 0x{t:04x}")),
    }
}

/// Check an IPv4 packet (header checksum, then its transport checksum). A packet quoted in
/// an ICMP error is cut short: only its header is checked.
fn check_ipv4(ip: &[u8], seen: &mut Seen, quoted: bool) -> Result<(), String> {
    let h = ip.get(..20).ok_or("short IPv4 header")?;
    if h[0] >> 4 != 4 {
        return Err(format!("IP version {}", h[0] >> 4));
    }
    let ihl = usize::from(h[0] & 0xf) * 4;
    let header = ip.get(..ihl).ok_or("truncated IPv4 options")?;
    if rfc1071(&[header]) != 0 {
        return Err(format!(
            "bad IPv4 header checksum 0x{:02x}{:02x}",
            h[10], h[11]
        ));
    }
    if quoted {
        return Ok(());
    }
    let total = usize::from(u16::from_be_bytes([h[2], h[3]]));
    let payload = ip.get(ihl..total).ok_or(format!(
        "total length {total} beyond the frame ({})",
        ip.len()
    ))?;
    let (src, dst, proto) = (&h[12..16], &h[16..20], h[9]);
    let len = (payload.len() as u16).to_be_bytes();
    let pseudo = [src, dst, &[0, proto], &len[..]].concat();
    match proto {
        1 => {
            if rfc1071(&[payload]) != 0 {
                return Err("bad ICMP checksum".into());
            }
            let typ = *payload.first().ok_or("empty ICMP")?;
            match typ {
                0 | 8 => seen.icmp_echo += 1,
                3 | 11 => {
                    seen.icmp_error += 1;
                    check_ipv4(
                        payload.get(8..).ok_or("ICMP error without a quote")?,
                        seen,
                        true,
                    )?;
                }
                t => return Err(format!("unexpected ICMP type {t}")),
            }
        }
        6 => {
            if rfc1071(&[&pseudo, payload]) != 0 {
                return Err("bad TCP checksum".into());
            }
            seen.tcp += 1;
        }
        17 => {
            let u = payload.get(..8).ok_or("short UDP header")?;
            if usize::from(u16::from_be_bytes([u[4], u[5]])) != payload.len() {
                return Err("UDP length disagrees with the IP length".into());
            }
            // A zero checksum means "none" in IPv4.
            if u[6..8] != [0, 0] && rfc1071(&[&pseudo, payload]) != 0 {
                return Err("bad UDP checksum".into());
            }
            seen.udp += 1;
        }
        p => return Err(format!("unexpected IP protocol {p}")),
    }
    Ok(())
}

fn pcap_dir(tag: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = std::env::temp_dir().join(format!("netsim-pcap-test-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let scenario = dir.join("probe.t");
    std::fs::write(&scenario, SCENARIO).expect("write scenario");
    let out_dir = dir.join("pcap");
    let out = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .arg("run")
        .arg("--pcap")
        .arg(&out_dir)
        .arg(&scenario)
        .output()
        .expect("run netsim");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The scenario did what it is meant to: the pings were answered.
    assert!(text.contains("2 packets transmitted, 2 received"), "{text}");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out_dir)
        .expect("pcap dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pcap"))
        .collect();
    files.sort();
    (dir, files)
}

fn read_frames(path: &Path) -> Vec<Vec<u8>> {
    let f = std::fs::File::open(path).expect("open pcap");
    let mut r =
        pcap_file::pcap::PcapReader::new(f).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        r.header().datalink,
        pcap_file::DataLink::ETHERNET,
        "{}",
        path.display()
    );
    let mut frames = Vec::new();
    let mut last = std::time::Duration::ZERO;
    while let Some(p) = r.next_packet() {
        let p = p.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            p.orig_len as usize,
            p.data.len(),
            "{}: truncated capture",
            path.display()
        );
        assert!(
            p.timestamp >= last,
            "{}: timestamps go backwards",
            path.display()
        );
        last = p.timestamp;
        frames.push(p.data.into_owned());
    }
    frames
}

#[test]
fn every_checksum_in_every_capture_is_valid() {
    let (dir, files) = pcap_dir("valid");
    let names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for want in ["ns0-veth0.pcap", "ns1-veth1.pcap", "ns0-lo.pcap"] {
        assert!(names.iter().any(|n| n == want), "no {want} in {names:?}");
    }
    let mut seen = Seen::default();
    for path in &files {
        let frames = read_frames(path);
        assert!(!frames.is_empty(), "{}: no frames", path.display());
        for (i, f) in frames.iter().enumerate() {
            if let Err(e) = check_frame(f, &mut seen) {
                panic!("{} frame {}: {e}: {:02x?}", path.display(), i + 1, f);
            }
        }
    }
    assert!(
        seen.arp > 0 && seen.icmp_echo > 0 && seen.icmp_error > 0 && seen.tcp > 0 && seen.udp > 0,
        "{seen:?}"
    );

    let _ = std::fs::remove_dir_all(&dir);
}

/// A tool the cross-checks need: panics, naming it, when it is missing (these tests are
/// `#[ignore]`d, so they only run when asked for, as `.ci/run` does).
fn require(tool: &str, package: &str) {
    let ok = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "this test needs {tool} (apt-get install {package})");
}

/// tcpdump reads every capture and finds every checksum good.
#[test]
#[ignore = "needs tcpdump"]
fn tcpdump_agrees() {
    require("tcpdump", "tcpdump");
    let (dir, files) = pcap_dir("tcpdump");
    let mut verified = 0;
    for path in &files {
        let o = Command::new("tcpdump")
            .args(["-nn", "-vv", "-r"])
            .arg(path)
            .output()
            .expect("tcpdump");
        assert!(
            o.status.success(),
            "tcpdump -r {}: {}",
            path.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        let text = String::from_utf8_lossy(&o.stdout);
        for l in text.lines() {
            let bad = ["bad cksum", "bad udp cksum", "incorrect", "wrong"]
                .iter()
                .any(|w| l.contains(w));
            assert!(!bad, "tcpdump on {}: {l}\n{text}", path.display());
        }
        verified += text.matches("(correct)").count() + text.matches("sum ok").count();
    }
    assert!(verified > 0, "tcpdump verified no TCP or UDP checksum");
    let _ = std::fs::remove_dir_all(&dir);
}

/// tshark reads every frame and finds every checksum good.
#[test]
#[ignore = "needs tshark"]
fn tshark_agrees() {
    require("tshark", "tshark");
    let (dir, files) = pcap_dir("tshark");
    for path in &files {
        let o = Command::new("tshark")
            .args([
                "-o",
                "ip.check_checksum:TRUE",
                "-o",
                "tcp.check_checksum:TRUE",
            ])
            .args(["-o", "udp.check_checksum:TRUE", "-V", "-r"])
            .arg(path)
            .output()
            .expect("tshark");
        assert!(o.status.success(), "tshark -r {}", path.display());
        let text = String::from_utf8_lossy(&o.stdout);
        let frames = text.lines().filter(|l| l.starts_with("Frame ")).count();
        assert_eq!(
            frames,
            read_frames(path).len(),
            "tshark frame count of {}",
            path.display()
        );
        for l in text.lines() {
            // netcat's UDP probe to port 53 carries "X", which tshark's DNS dissector
            // calls malformed: that is the application's payload, not our framing.
            let malformed =
                l.contains("[Malformed Packet:") && !l.contains("[Malformed Packet: DNS]");
            let bad = malformed
                || ["[incorrect", "Bad]", "[Checksum Status: Bad"]
                    .iter()
                    .any(|w| l.contains(w));
            assert!(!bad, "tshark on {}: {l}", path.display());
        }
        assert!(
            text.contains("[correct]"),
            "tshark checked no checksum in {}",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The checker can fail: a flipped byte in each kind of packet is caught.
#[test]
fn the_checksum_check_catches_corruption() {
    assert_eq!(rfc1071(&[&[0x45, 0x00, 0x00, 0x1c]]), !0x451c);
    // RFC 1071's example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2.
    assert_eq!(
        rfc1071(&[&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]]),
        !0xddf2
    );
    let (dir, files) = pcap_dir("corrupt");
    let mut corrupted = 0;
    for path in &files {
        for f in read_frames(path) {
            if f.get(12..14) != Some(&[0x08, 0x00]) {
                continue;
            }
            let ihl = usize::from(f[14] & 0xf) * 4;
            // One byte of the IP header, one of the transport header.
            for at in [14 + 8, 14 + ihl + 2] {
                let mut g = f.clone();
                g[at] ^= 0x10;
                assert!(
                    check_frame(&g, &mut Seen::default()).is_err(),
                    "{}: corruption at {at} not caught",
                    path.display()
                );
                corrupted += 1;
            }
        }
    }
    assert!(corrupted > 10, "too few frames corrupted: {corrupted}");
    let _ = std::fs::remove_dir_all(&dir);
}
