//! Finds where a JSON path (`members[3].coordinates.lat`) lies in a file's
//! text, so every problem can point at its line and column. A small scanner:
//! the text is known to be JSON already, and it never panics if it is not.

/// One step of a path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// `members[3].coordinates.lat` → `members`, `3`, `coordinates`, `lat`.
/// (Keys containing `.` or `[` cannot be told apart; ids and field names never do.)
pub fn parse_path(path: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (key, mut indices) = match part.find('[') {
            Some(at) => (part.get(..at).unwrap_or(""), part.get(at..).unwrap_or("")),
            None => (part, ""),
        };
        if !key.is_empty() {
            segments.push(Segment::Key(key.to_string()));
        }
        while let Some(rest) = indices.strip_prefix('[') {
            let Some(close) = rest.find(']') else { break };
            match rest.get(..close).and_then(|n| n.parse().ok()) {
                Some(index) => segments.push(Segment::Index(index)),
                None => break,
            }
            indices = rest.get(close + 1..).unwrap_or("");
        }
    }
    segments
}

/// Line and column (1-based, columns in characters) of the value at `path`,
/// or of its deepest ancestor present in the text (a missing field points at
/// its record). `None` when the text has no JSON value at all.
pub fn locate(text: &str, path: &str) -> Option<(u32, u32)> {
    let segments = parse_path(path);
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let offset = scanner.find(&segments)?;
    Some(line_and_column(text, offset))
}

/// Turns a byte offset into a 1-based line and character column.
pub fn line_and_column(text: &str, offset: usize) -> (u32, u32) {
    let before = text.as_bytes().get(..offset).unwrap_or(text.as_bytes());
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line_bytes = before.get(line_start..).unwrap_or(&[]);
    // Count characters, not bytes: continuation bytes start with 0b10.
    let column = line_bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
    (to_u32(line), to_u32(column))
}

/// serde_json reports columns in bytes; editors count characters.
pub fn byte_column_to_char_column(text: &str, line: usize, byte_column: usize) -> u32 {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return to_u32(byte_column);
    };
    let chars = line_text
        .char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count();
    to_u32(chars.max(1))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// The offset of the value at `segments` from here, or of the deepest
    /// value on the way.
    fn find(&mut self, segments: &[Segment]) -> Option<usize> {
        self.skip_whitespace();
        let start = self.pos;
        self.peek()?;
        let Some((first, rest)) = segments.split_first() else {
            return Some(start);
        };
        let found = match (first, self.peek()) {
            (Segment::Key(wanted), Some(b'{')) => self.enter_member(wanted),
            (Segment::Index(wanted), Some(b'[')) => self.enter_element(*wanted),
            _ => false,
        };
        if found {
            self.find(rest).or(Some(start))
        } else {
            Some(start)
        }
    }

    /// At `{`: moves to the value of key `wanted`; false if absent.
    fn enter_member(&mut self, wanted: &str) -> bool {
        self.pos += 1;
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                _ => return false,
            }
            let key = self.read_string();
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return false;
            }
            self.pos += 1;
            self.skip_whitespace();
            if key == wanted {
                return true;
            }
            self.skip_value();
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                _ => return false,
            }
        }
    }

    /// At `[`: moves to element `wanted`; false if there are fewer.
    fn enter_element(&mut self, wanted: usize) -> bool {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_whitespace();
            if matches!(self.peek(), None | Some(b']')) {
                return false;
            }
            if index == wanted {
                return true;
            }
            self.skip_value();
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                _ => return false,
            }
            index += 1;
        }
    }

    /// At `"`: the decoded string, leaving the position after the closing quote.
    fn read_string(&mut self) -> String {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let escaped = self.peek();
                    self.pos += 1;
                    match escaped {
                        Some(b'n') => out.push(b'\n'),
                        Some(b't') => out.push(b'\t'),
                        Some(b'r') => out.push(b'\r'),
                        Some(b'b') => out.push(8),
                        Some(b'f') => out.push(12),
                        Some(b'u') => {
                            let hex = self.bytes.get(self.pos..self.pos + 4).unwrap_or(&[]);
                            let code = std::str::from_utf8(hex)
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .and_then(char::from_u32)
                                .unwrap_or(char::REPLACEMENT_CHARACTER);
                            let mut buffer = [0; 4];
                            out.extend_from_slice(code.encode_utf8(&mut buffer).as_bytes());
                            self.pos += 4;
                        }
                        Some(other) => out.push(other),
                        None => break,
                    }
                }
                other => out.push(other),
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Skips one value of any kind (iteratively, whatever the nesting).
    fn skip_value(&mut self) {
        self.skip_whitespace();
        match self.peek() {
            Some(b'"') => {
                self.read_string();
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.read_string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.pos += 1;
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "format": "mapline/1",
  "members": [
    {"id": "a", "name": "A \"quoted\" {name}", "country": "BY"},
    {
      "id": "b",
      "name": {"en": "Bé", "fr": "Bé"},
      "coordinates": {"lat": 95, "lon": 27.5},
      "alliances": [[1, 2], {"x": "]"}, "afex"]
    }
  ]
}"#;

    #[test]
    fn paths_parse() {
        assert_eq!(
            parse_path("members[3].coordinates.lat"),
            vec![
                Segment::Key("members".into()),
                Segment::Index(3),
                Segment::Key("coordinates".into()),
                Segment::Key("lat".into()),
            ]
        );
        assert_eq!(
            parse_path("a[1][2]"),
            vec![
                Segment::Key("a".into()),
                Segment::Index(1),
                Segment::Index(2)
            ]
        );
        assert_eq!(parse_path(""), vec![]);
    }

    #[test]
    fn finds_values() {
        assert_eq!(locate(TEXT, ""), Some((1, 1)));
        assert_eq!(locate(TEXT, "format"), Some((2, 13)));
        assert_eq!(locate(TEXT, "members[0].country"), Some((4, 59)));
        assert_eq!(locate(TEXT, "members[1].coordinates.lat"), Some((8, 30)));
        assert_eq!(locate(TEXT, "members[1].name.fr"), Some((7, 34)));
        assert_eq!(locate(TEXT, "members[1].alliances[2]"), Some((9, 41)));
    }

    #[test]
    fn missing_values_point_at_the_nearest_ancestor() {
        assert_eq!(locate(TEXT, "members[1].region"), Some((5, 5)));
        assert_eq!(locate(TEXT, "members[7].id"), Some((3, 14)));
        assert_eq!(locate(TEXT, "members.id"), Some((3, 14)));
        assert_eq!(locate("", "a"), None);
        assert_eq!(locate("  ", ""), None);
    }

    #[test]
    fn broken_text_does_not_panic() {
        for text in [
            "{",
            "{\"a\"",
            "{\"a\":[1,",
            "[\"\\u12",
            "\"\\",
            "{\"a\" 1}",
            "]]]]",
        ] {
            let _ = locate(text, "a[0].b");
            let _ = locate(text, "[3]");
        }
        assert_eq!(locate("{\"a\":[1,", "a[1]"), Some((1, 6)));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_and_column("é\"x\"", 2), (1, 2));
        assert_eq!(byte_column_to_char_column("{\"é\": x}", 1, 7), 6);
    }
}
