//! JSON as iproute2's `json_writer` prints it: compact for `-j`, its own pretty layout for
//! `-j -p`. Keys keep their insertion order.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    Str(String),
    Int(i64),
    UInt(u64),
    Bool(bool),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

/// Build an object from key/value pairs.
pub fn obj() -> Vec<(String, J)> {
    Vec::new()
}

pub fn s(v: impl Into<String>) -> J {
    J::Str(v.into())
}

fn esc(v: &str) -> String {
    let mut o = String::with_capacity(v.len() + 2);
    o.push('"');
    for c in v.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

impl J {
    /// Compact form (`ip -j`).
    pub fn compact(&self) -> String {
        match self {
            J::Str(v) => esc(v),
            J::Int(n) => n.to_string(),
            J::UInt(n) => n.to_string(),
            J::Bool(b) => b.to_string(),
            J::Arr(a) => format!(
                "[{}]",
                a.iter().map(J::compact).collect::<Vec<_>>().join(",")
            ),
            J::Obj(o) => format!(
                "{{{}}}",
                o.iter()
                    .map(|(k, v)| format!("{}:{}", esc(k), v.compact()))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    /// iproute2's pretty form (`ip -j -p`).
    pub fn pretty(&self) -> String {
        self.pretty_at(0)
    }

    fn pretty_at(&self, depth: usize) -> String {
        match self {
            J::Arr(a) if a.is_empty() => "[ ]".into(),
            J::Arr(a) => format!(
                "[ {} ]",
                a.iter()
                    .map(|v| v.pretty_at(depth + 1))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            J::Obj(o) => {
                let ind = "    ".repeat(depth + 1);
                let body: Vec<String> = o
                    .iter()
                    .map(|(k, v)| format!("{ind}{}: {}", esc(k), v.pretty_at(depth + 1)))
                    .collect();
                format!("{{\n{}\n{}}}", body.join(",\n"), "    ".repeat(depth))
            }
            other => other.compact(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_and_pretty_like_iproute2() {
        let v = J::Arr(vec![J::Obj(vec![
            ("ifindex".into(), J::UInt(2)),
            ("flags".into(), J::Arr(vec![s("BROADCAST"), s("MULTICAST")])),
            ("ifname".into(), s("veth0")),
        ])]);
        assert_eq!(
            v.compact(),
            r#"[{"ifindex":2,"flags":["BROADCAST","MULTICAST"],"ifname":"veth0"}]"#
        );
        assert_eq!(
            v.pretty(),
            "[ {\n        \"ifindex\": 2,\n        \"flags\": [ \"BROADCAST\",\"MULTICAST\" ],\n        \"ifname\": \"veth0\"\n    } ]"
        );
    }
}
