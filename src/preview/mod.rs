//! Staff preview of a draft (`crate::draft`): files picked, dropped or pasted,
//! checked and shown as they would be published. Nothing leaves the browser.
//! Pure logic here (tested natively); the view is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

/// The selection (in UTF-16 code units, as a textarea counts) from a 1-based
/// line and column to the end of that line; the end of the text when the line
/// is past it.
pub fn selection_at(text: &str, line: u32, column: u32) -> (u32, u32) {
    let mut offset: u32 = 0;
    for (index, content) in text.split('\n').enumerate() {
        let this_line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line_units = content.encode_utf16().count() as u32;
        if this_line == line {
            let column_units: u32 = content
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(|c| c.len_utf16() as u32)
                .sum();
            let start = offset + column_units.min(line_units);
            let end = (offset + line_units).max(start);
            return (start, end);
        }
        offset += line_units + 1;
    }
    let end = text.encode_utf16().count() as u32;
    (end, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_count_utf16_units_like_a_textarea() {
        let text = "{\n  \"name\": \"Ré😀\",\n  \"x\": 1\n}";
        // Line 2, column 3 starts at the quote before "name".
        assert_eq!(selection_at(text, 2, 3), (4, 19));
        // The emoji is two UTF-16 units: line 3 starts after it.
        assert_eq!(selection_at(text, 3, 1), (20, 28));
        assert_eq!(selection_at(text, 99, 1), (30, 30), "past the end: the end");
    }
}
