//! The share card of a page without a photo of its own: an SVG made at build
//! time (1200×630, the size Open Graph and Twitter cards are shown at) with
//! the page's name, its line of facts (country, profession or count) and the
//! dataset's title. SVG, not PNG: a PNG needs a rasteriser and a font file
//! on the build machine (resvg with fontdb: about 60 crates); most share
//! previews accept SVG, the rest show the title and description alone.

use super::html::{attr, text};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Splits `s` into at most `max_lines` lines of about `width` characters,
/// at spaces; the last line ends with "…" when text was left out.
pub fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let long_word: String = word.chars().take(width).collect();
        if current.is_empty() {
            current = long_word;
        } else if current.chars().count() + 1 + long_word.chars().count() <= width {
            current.push(' ');
            current.push_str(&long_word);
        } else {
            lines.push(std::mem::take(&mut current));
            current = long_word;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// The card for `name` with `line` below it and `site` at the top.
pub fn card_svg(name: &str, line: &str, site: &str) -> String {
    let name_lines = wrap(name, 26, 3);
    let mut y = 250;
    let mut names = String::new();
    for l in &name_lines {
        names.push_str(&format!(
            "<text x=\"80\" y=\"{y}\" font-size=\"72\" font-weight=\"700\" fill=\"#1d2327\">{}</text>",
            text(l)
        ));
        y += 86;
    }
    let facts: String = wrap(line, 52, 2)
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "<text x=\"80\" y=\"{}\" font-size=\"38\" fill=\"#4f5b62\">{}</text>",
                y + 10 + i as i32 * 48,
                text(l)
            )
        })
        .collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">\
<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fbfaf7\"/>\
<rect width=\"24\" height=\"{HEIGHT}\" fill=\"#0b5d6b\"/>\
<g font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif\">\
<path d=\"M86 118 L106 90 L123 110 L143 82\" stroke=\"#0b5d6b\" stroke-width=\"8\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\
<text x=\"165\" y=\"115\" font-size=\"36\" font-weight=\"600\" fill=\"#0b5d6b\">{}</text>\
{names}{facts}</g></svg>\n",
        attr(&format!("{name} · {site}")),
        text(site),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_and_stop() {
        assert_eq!(wrap("Iryna Khalip", 26, 3), vec!["Iryna Khalip"]);
        let lines = wrap("one two three four five six seven", 9, 2);
        assert_eq!(lines, vec!["one two", "three…"]);
        assert!(wrap("", 10, 2).is_empty());
    }

    #[test]
    fn the_card_holds_its_text_as_text() {
        let svg = card_svg("<script>\"x\"</script>", "A & B", "Net");
        assert!(!svg.contains("<script>"));
        assert!(svg.contains(">&lt;script&gt;\"x\"&lt;/script&gt;</text>"));
        assert!(svg.contains("aria-label=\"&lt;script&gt;&quot;x&quot;&lt;/script&gt; · Net\""));
        assert!(svg.contains(">A &amp; B</text>"));
    }
}
