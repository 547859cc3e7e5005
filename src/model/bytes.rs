//! Bytes → text for every reader of data files (the CLI, the site's fetches,
//! the preview's file picker): one decision on byte order marks, UTF-16 and
//! broken UTF-8, so the three report the same problem at the same place.

use super::locate::line_and_column;
use super::problem::Problem;

/// The text of a data file's bytes, and what was wrong with them.
///
/// - A UTF-8 byte order mark is dropped (editors on Windows write one).
/// - UTF-16 with its byte order mark is read, with a warning (data files are
///   UTF-8, but a spreadsheet's "Unicode text" export is UTF-16 and readable).
/// - Text with NUL bytes and no mark is not text (UTF-16 without a mark, or
///   binary): an error, and the text is empty.
/// - Invalid UTF-8 is replaced by U+FFFD, so every valid record still loads,
///   and reported at the line and column of the first bad byte.
pub fn decode_text(name: &str, bytes: &[u8]) -> (String, Option<Problem>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(name, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(name, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(name, rest, u16::from_be_bytes);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let problem = Problem::error(
            name,
            "",
            format!(
                "not UTF-8 text: a NUL byte at byte {offset} (a binary file, or UTF-16 without a byte order mark; save it as UTF-8)"
            ),
        );
        return (String::new(), Some(problem));
    }
    decode_utf8(name, bytes)
}

fn decode_utf8(name: &str, bytes: &[u8]) -> (String, Option<Problem>) {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return (text.to_owned(), None),
        Err(error) => error,
    };
    let offset = error.valid_up_to();
    let bad_len = error.error_len().unwrap_or(bytes.len() - offset);
    let shown: Vec<String> = bytes
        .get(offset..offset + bad_len.min(4))
        .unwrap_or_default()
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect();
    let text = String::from_utf8_lossy(bytes).into_owned();
    // The valid prefix is the same in the lossy text, so its offset holds.
    let (line, column) = line_and_column(&text, offset);
    let others = count_invalid(bytes.get(offset + bad_len..).unwrap_or_default());
    let cut = if error.error_len().is_none() {
        " (the file ends inside a character: cut off?)"
    } else {
        ""
    };
    let more = match others {
        0 => String::new(),
        1 => " and 1 more place".to_owned(),
        n => format!(" and {n} more places"),
    };
    let problem = Problem::error(
        name,
        "",
        format!(
            "invalid UTF-8 (byte {}){cut}{more}; shown as \u{FFFD}",
            shown.join(" ")
        ),
    )
    .at(line, column);
    (text, Some(problem))
}

/// How many invalid sequences the bytes hold.
fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    while let Err(error) = std::str::from_utf8(bytes) {
        count += 1;
        let skip = error.valid_up_to() + error.error_len().unwrap_or(bytes.len());
        bytes = bytes.get(skip..).unwrap_or_default();
    }
    count
}

fn decode_utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Option<Problem>) {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let problem = Problem::warning(name, "", "UTF-16 text read; save data files as UTF-8");
    (text, Some(problem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_it_is_and_a_byte_order_mark_is_dropped() {
        assert_eq!(
            decode_text("a", "{\"é\":1}".as_bytes()),
            ("{\"é\":1}".into(), None)
        );
        assert_eq!(decode_text("a", b"\xEF\xBB\xBF{}"), ("{}".into(), None));
        assert_eq!(decode_text("a", b""), (String::new(), None));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_located() {
        let (text, problem) = decode_text("cut.json", b"{\n  \"a\": \"caf\xC3");
        assert_eq!(text, "{\n  \"a\": \"caf\u{FFFD}");
        let problem = problem.unwrap();
        assert!(problem.is_error());
        assert_eq!((problem.line, problem.column), (Some(2), Some(12)));
        assert_eq!(
            problem.to_string(),
            "cut.json:2:12: invalid UTF-8 (byte 0xC3) (the file ends inside a character: cut off?); shown as \u{FFFD}"
        );
        let (_, problem) = decode_text("x", b"\xFFab\xFEc\xC3(");
        let message = problem.unwrap().message;
        assert!(
            message.starts_with("invalid UTF-8 (byte 0xFF)"),
            "{message}"
        );
        assert!(message.contains("and 2 more places"), "{message}");
    }

    #[test]
    fn columns_count_characters_before_the_bad_byte() {
        let (_, problem) = decode_text(
            "x",
            "ééé\u{1F5FA}\u{FE0F}"
                .as_bytes()
                .iter()
                .copied()
                .chain([0x80])
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(problem.unwrap().column, Some(6));
    }

    #[test]
    fn utf16_with_a_mark_is_read_with_a_warning() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"é\":1}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (text, problem) = decode_text("u.json", &le);
        assert_eq!(text, "{\"é\":1}");
        assert!(!problem.unwrap().is_error());
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("[]".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text("u", &be).0, "[]");
        // A lone surrogate and an odd last byte do not stop the reading.
        assert_eq!(
            decode_text("u", &[0xFF, 0xFE, 0x00, 0xD8, 0x41]).0,
            "\u{FFFD}"
        );
    }

    #[test]
    fn nul_bytes_without_a_mark_are_not_text() {
        let (text, problem) = decode_text("b.bin", b"{\x00\"\x00");
        assert!(text.is_empty());
        let problem = problem.unwrap();
        assert!(problem.is_error());
        assert!(
            problem.message.contains("NUL byte at byte 1"),
            "{}",
            problem.message
        );
    }
}
