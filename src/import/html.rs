//! HTML from imported documents (TimelineJS3, StoryMapJS) reduced to the safe
//! subset: our Markdown (paragraphs, lists, emphasis, strong, http(s) and
//! relative links) or plain text. A small tokenizer over the string: no DOM, no
//! live element is ever created, so nothing in the input can run (an
//! `<img onerror>` set as innerHTML fires even on a detached element).
//! Everything else is dropped: script, style, iframe and similar elements with
//! their content, every attribute but a safe `href`, every other tag (its text kept).

use std::borrow::Cow;

use crate::model::url::is_safe_url;

/// Elements whose content is dropped along with them.
const DROPPED_WITH_CONTENT: [&str; 12] = [
    "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "title",
    "svg", "math", "select",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "pre",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
];

/// HTML → our Markdown subset.
pub fn to_markdown(html: &str) -> String {
    to_markdown_with(html, false)
}

/// Like [`to_markdown`]; with `autolink`, bare http(s) URLs in the text become
/// links (TimelineJS3's `autolink` option, on by default there).
pub fn to_markdown_with(html: &str, autolink: bool) -> String {
    let mut writer = MarkdownWriter {
        autolink,
        ..MarkdownWriter::default()
    };
    match plain_paragraph(html) {
        // What the tokenizer would give: the words, then the end of a block.
        Some(words) => writer.text(words),
        None => {
            for token in Tokenizer::new(html) {
                writer.token(token);
            }
        }
    }
    writer.finish()
}

/// The words of the commonest imported text, one paragraph with no markup
/// inside (`<p>words</p>`, or just words), which then skip the tokenizer.
fn plain_paragraph(html: &str) -> Option<&str> {
    let words = match html.strip_prefix("<p>") {
        Some(rest) => rest.strip_suffix("</p>")?,
        None => html,
    };
    (!looks_like_html(words)).then_some(words)
}

/// HTML → plain text (tags removed, entities decoded, white space collapsed),
/// for fields that are not Markdown, such as headlines.
pub fn to_plain_text(html: &str) -> String {
    if !looks_like_html(html) {
        // No tag and no entity: the tokenizer would give the text back as it is.
        return collapse_whitespace(html).trim().to_owned();
    }
    let mut out = String::new();
    for token in Tokenizer::new(html) {
        match token {
            Token::Text(text) => out.push_str(&text),
            Token::Start { name, .. } | Token::End { name }
                if BLOCKS.contains(&name.as_str()) || name == "br" =>
            {
                out.push(' ')
            }
            _ => {}
        }
    }
    collapse_whitespace(&out).trim().to_owned()
}

/// The http(s) URLs named by `href` or `src` attributes (for embed codes pasted
/// as media, such as a tweet's blockquote or an iframe).
pub fn linked_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for token in Tokenizer::new_keeping_dropped(html) {
        if let Token::Start { attributes, .. } = token {
            for (name, value) in attributes {
                let is_web = value.starts_with("https://") || value.starts_with("http://");
                if (name == "href" || name == "src") && is_web && is_safe_url(&value) {
                    urls.push(value);
                }
            }
        }
    }
    urls
}

/// True when the text holds markup worth converting (a tag or an entity).
pub fn looks_like_html(text: &str) -> bool {
    text.contains('<') || text.contains('&')
}

#[derive(Debug, PartialEq)]
enum Token {
    Text(String),
    Start {
        name: String,
        attributes: Vec<(String, String)>,
    },
    End {
        name: String,
    },
}

struct Tokenizer<'a> {
    rest: &'a str,
    /// Drop the content of script-like elements (off only to find embed URLs).
    drop_content: bool,
}

impl<'a> Tokenizer<'a> {
    fn new(html: &'a str) -> Self {
        Tokenizer {
            rest: html,
            drop_content: true,
        }
    }

    fn new_keeping_dropped(html: &'a str) -> Self {
        Tokenizer {
            rest: html,
            drop_content: false,
        }
    }

    /// Skips past the end tag of `name` (case-insensitive), or to the end.
    /// Looks only as far as that end tag: lowering the whole rest of the
    /// text at each `<script>` made a file of many of them quadratic (a
    /// megabyte of `<script></script>` froze the page for minutes).
    fn skip_past_end_tag(&mut self, name: &str) {
        let mut from = 0;
        while let Some(found) = self.rest.get(from..).and_then(|rest| rest.find("</")) {
            let at = from + found;
            let tag = self.rest.as_bytes().get(at + 2..at + 2 + name.len());
            if tag.is_some_and(|tag| tag.eq_ignore_ascii_case(name.as_bytes())) {
                let after = &self.rest[at..];
                let end = after.find('>').map_or(after.len(), |i| i + 1);
                self.rest = &after[end..];
                return;
            }
            // "</" is ASCII, so two bytes on is a character boundary.
            from = at + 2;
        }
        self.rest = "";
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if let Some(after) = self.rest.strip_prefix("<!--") {
                self.rest = after.find("-->").map_or("", |i| &after[i + 3..]);
                continue;
            }
            if self.rest.starts_with("<!") || self.rest.starts_with("<?") {
                self.rest = self.rest.find('>').map_or("", |i| &self.rest[i + 1..]);
                continue;
            }
            let starts_tag = |after: &str| after.starts_with(|c: char| c.is_ascii_alphabetic());
            if let Some(after) = self.rest.strip_prefix("</").filter(|a| starts_tag(a)) {
                let end = after.find('>').unwrap_or(after.len());
                let name = tag_name(&after[..end]);
                self.rest = after.get(end + 1..).unwrap_or("");
                return Some(Token::End { name });
            }
            if let Some(after) = self.rest.strip_prefix('<').filter(|a| starts_tag(a)) {
                let (inside, rest) = split_tag(after);
                self.rest = rest;
                let name = tag_name(inside);
                let attributes = parse_attributes(inside.get(name.len()..).unwrap_or(""));
                if self.drop_content && DROPPED_WITH_CONTENT.contains(&name.as_str()) {
                    if !inside.trim_end().ends_with('/') {
                        self.skip_past_end_tag(&name);
                    }
                    continue;
                }
                return Some(Token::Start { name, attributes });
            }
            // Text up to the next tag-like '<' (a lone '<' is text).
            let search_from = usize::from(self.rest.starts_with('<'));
            let end = self.rest[search_from..]
                .find('<')
                .map_or(self.rest.len(), |i| i + search_from);
            let text = decode_entities(&self.rest[..end]);
            self.rest = &self.rest[end..];
            return Some(Token::Text(text));
        }
    }
}

fn tag_name(inside: &str) -> String {
    inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Splits `name attrs…>rest` at the tag's closing '>', skipping '>' in quotes.
fn split_tag(after_lt: &str) -> (&str, &str) {
    let mut quote: Option<char> = None;
    for (i, c) in after_lt.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (&after_lt[..i], &after_lt[i + 1..]),
            _ => {}
        }
    }
    (after_lt, "")
}

fn parse_attributes(mut s: &str) -> Vec<(String, String)> {
    let mut attributes = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            return attributes;
        }
        let name_end = s
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(s.len());
        let name = s[..name_end].to_ascii_lowercase();
        s = s[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = s.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, rest) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    match inner.find(q) {
                        Some(end) => (&inner[..end], &inner[end + 1..]),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode_entities(raw);
            s = rest;
        }
        if name.is_empty() {
            // A stray character: skip it so the loop always advances.
            s = s.get(1..).unwrap_or("");
            continue;
        }
        attributes.push((name, value));
    }
}

/// Decodes numeric entities and the common named ones; unknown ones stay as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let candidate = &rest[at + 1..];
        let end = candidate.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|end| decode_entity(&candidate[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &candidate[end + 1..];
            }
            None => {
                out.push('&');
                rest = candidate;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // NUL and invalid code points become the replacement character.
        return Some(
            char::from_u32(code)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{FFFD}'),
        );
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        _ => return None,
    })
}

/// Runs of white space (any but the no-break space) as one space. Borrowed
/// when nothing changes, as in most imported text; copied a run at a time,
/// not a character at a time (10,000 events' worth of text is read on the way
/// to the first view).
fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // text[..copied] is in `out` already.
    let mut copied = 0;
    let mut previous_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let (space, len) = if byte.is_ascii() {
            (char::from(byte).is_whitespace(), 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace() && c != '\u{A0}', c.len_utf8()),
                None => (false, 1),
            }
        };
        // A lone ' ' stays as written; any other white space is replaced.
        if space && (byte != b' ' || previous_space) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..i]);
            if !previous_space {
                out.push(' ');
            }
            copied = i + len;
        }
        previous_space = space;
        i += len;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// Appends `text` with the characters our Markdown subset gives meaning to
/// escaped, copying between them a run at a time.
fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['\\', '*', '_', '[', ']']) {
        out.push_str(&rest[..at]);
        out.push('\\');
        out.push_str(&rest[at..at + 1]);
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Appends `text` escaped, with bare http(s) URLs turned into Markdown links.
fn push_autolinked(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        push_escaped(out, &rest[..at]);
        let candidate = &rest[at..];
        let end = candidate
            .find(char::is_whitespace)
            .unwrap_or(candidate.len());
        let url = candidate[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"']);
        if is_safe_url(url) && url.len() > "https://".len() {
            out.push('[');
            push_escaped(out, url);
            out.push_str("](");
            out.push_str(&url.replace(')', "%29"));
            out.push(')');
        } else {
            push_escaped(out, url);
        }
        rest = &candidate[url.len()..];
    }
    push_escaped(out, rest);
}

#[derive(Default)]
struct MarkdownWriter {
    blocks: Vec<String>,
    line: String,
    /// Open inline markers, innermost last.
    open: Vec<Inline>,
    /// Nesting of lists: true for ordered, with the item counter.
    lists: Vec<(bool, usize)>,
    /// A list just started: its first item opens a block of its own.
    list_started: bool,
    autolink: bool,
}

#[derive(Clone, PartialEq)]
enum Inline {
    Emphasis,
    Strong,
    /// A link with its safe target; `None` for a link whose target was refused.
    Link(Option<String>),
}

impl MarkdownWriter {
    fn token(&mut self, token: Token) {
        match token {
            Token::Text(text) => self.text(&text),
            Token::Start { name, attributes } => self.start(&name, &attributes),
            Token::End { name } => self.end(&name),
        }
    }

    fn text(&mut self, text: &str) {
        let collapsed = collapse_whitespace(text);
        let trimmed = if self.line.is_empty() || self.line.ends_with([' ', '\n']) {
            collapsed.trim_start()
        } else {
            &collapsed
        };
        let in_link = self.open.iter().any(|i| matches!(i, Inline::Link(_)));
        if self.autolink && !in_link {
            push_autolinked(&mut self.line, trimmed);
        } else {
            push_escaped(&mut self.line, trimmed);
        }
    }

    fn start(&mut self, name: &str, attributes: &[(String, String)]) {
        match name {
            "br" => self.line_break(),
            "ul" | "ol" => {
                self.flush();
                self.lists.push((name == "ol", 0));
                self.list_started = true;
            }
            "li" => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some((true, counter)) => {
                        *counter += 1;
                        format!("{counter}. ")
                    }
                    _ => "- ".to_owned(),
                };
                self.line.push_str(&marker);
            }
            "em" | "i" | "cite" => self.open_inline(Inline::Emphasis, "*"),
            "strong" | "b" => self.open_inline(Inline::Strong, "**"),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.open_inline(Inline::Strong, "**");
            }
            "a" => {
                if self.open.iter().any(|i| matches!(i, Inline::Link(_))) {
                    return;
                }
                let href = attributes
                    .iter()
                    .find(|(n, _)| n == "href")
                    .map(|(_, v)| v.trim().to_owned())
                    .filter(|href| !href.starts_with('#') && is_safe_url(href));
                if href.is_some() {
                    self.line.push('[');
                }
                self.open.push(Inline::Link(href));
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "li" => self.flush(),
            "em" | "i" | "cite" => self.close_inline(&Inline::Emphasis),
            "strong" | "b" => self.close_inline(&Inline::Strong),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close_inline(&Inline::Strong);
                self.flush();
            }
            "a" => {
                if let Some(at) = self.open.iter().rposition(|i| matches!(i, Inline::Link(_))) {
                    self.close_down_to(at);
                }
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn open_inline(&mut self, inline: Inline, marker: &str) {
        // Markers must touch text: a space before the opener stays outside.
        self.line.push_str(marker);
        self.open.push(inline);
    }

    fn close_inline(&mut self, inline: &Inline) {
        if let Some(at) = self.open.iter().rposition(|i| i == inline) {
            self.close_down_to(at);
        }
    }

    /// Closes the open inlines from the innermost down to index `at`.
    fn close_down_to(&mut self, at: usize) {
        while self.open.len() > at {
            let Some(inline) = self.open.pop() else { break };
            self.close_one(&inline);
        }
    }

    fn close_one(&mut self, inline: &Inline) {
        let marker = match inline {
            Inline::Emphasis => "*",
            Inline::Strong => "**",
            Inline::Link(None) => return,
            Inline::Link(Some(href)) => {
                let href = href.replace(' ', "%20").replace(')', "%29");
                if self.line.ends_with('[') {
                    // A link with no text: keep nothing.
                    self.line.pop();
                } else {
                    let trailing = self.take_trailing_space();
                    self.line.push_str(&format!("]({href})"));
                    self.line.push_str(&trailing);
                }
                return;
            }
        };
        if self.line.ends_with(marker) {
            // Nothing between the markers: drop both.
            self.line.truncate(self.line.len() - marker.len());
        } else {
            let trailing = self.take_trailing_space();
            self.line.push_str(marker);
            self.line.push_str(&trailing);
        }
    }

    fn take_trailing_space(&mut self) -> String {
        let trimmed = self.line.trim_end_matches(' ').len();
        self.line.split_off(trimmed)
    }

    fn line_break(&mut self) {
        if !self.line.trim().is_empty() {
            self.line.truncate(self.line.trim_end().len());
            self.line.push('\n');
        }
    }

    /// Ends the current paragraph or list item, closing open inlines.
    fn flush(&mut self) {
        let open = std::mem::take(&mut self.open);
        for inline in open.iter().rev() {
            self.close_one(inline);
        }
        let text = self.line.trim().to_owned();
        self.line.clear();
        let is_marker_only = text == "-"
            || text.ends_with('.') && text[..text.len() - 1].bytes().all(|b| b.is_ascii_digit());
        if text.is_empty() || is_marker_only {
            return;
        }
        let in_list = text.starts_with("- ")
            || text
                .split_once(". ")
                .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty());
        match self.blocks.last_mut() {
            // Items of one list stay together (one newline between them).
            Some(last)
                if in_list
                    && !self.list_started
                    && !self.lists.is_empty()
                    && last_is_list_item(last) =>
            {
                last.push('\n');
                last.push_str(&text);
            }
            _ => self.blocks.push(text),
        }
        self.list_started = false;
    }

    fn finish(mut self) -> String {
        self.flush();
        self.blocks.join("\n\n")
    }
}

fn last_is_list_item(block: &str) -> bool {
    let last_line = block.lines().last().unwrap_or("");
    last_line.starts_with("- ")
        || last_line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markdown::{self, Block, Inline as MdInline};

    #[test]
    fn paragraphs_and_inline_formatting() {
        assert_eq!(
            to_markdown("<p>One <em>two</em> <strong>three</strong></p><p>Four</p>"),
            "One *two* **three**\n\nFour"
        );
        assert_eq!(to_markdown("a<br>b<br/>c"), "a\nb\nc");
    }

    #[test]
    fn safe_links_kept_unsafe_ones_reduced_to_text() {
        assert_eq!(
            to_markdown(r#"<a href="https://ifex.org/x">IFEX</a>"#),
            "[IFEX](https://ifex.org/x)"
        );
        assert_eq!(
            to_markdown(r#"<a href="javascript:alert(1)">click</a>"#),
            "click"
        );
        assert_eq!(
            to_markdown(r#"<a href="data:text/html,<script>x</script>">d</a>"#),
            "d"
        );
        assert_eq!(
            to_markdown(r##"<a target="_self" href="#wikipedia-images">jump</a>"##),
            "jump"
        );
        assert_eq!(
            to_markdown(r#"<a href="https://x.org/a b">s</a>"#),
            "[s](https://x.org/a%20b)"
        );
    }

    #[test]
    fn scripts_styles_and_handlers_leave_nothing() {
        let hostile = r#"<script>alert(1)</script><img src=x onerror="alert(2)"><style>p{}</style><iframe src="https://evil.example"></iframe><p onclick="alert(3)">safe</p><svg onload=alert(4)><circle/></svg>"#;
        let md = to_markdown(hostile);
        assert_eq!(md, "safe");
        let plain = to_plain_text(hostile);
        assert_eq!(plain, "safe");
    }

    #[test]
    fn raw_text_ends_at_its_own_end_tag_in_any_case() {
        assert_eq!(
            to_plain_text("<SCRIPT>x = '</p>'</ScRiPt>after<style>a</b></style>end"),
            "afterend"
        );
        // An end tag split by multi-byte text, and one never closed.
        assert_eq!(to_plain_text("<script>é</é</script>ok"), "ok");
        assert_eq!(to_plain_text("<style>never closed é"), "");
        // Many in a row: each skip looks only as far as its own end tag.
        let many = "<script>x</script>".repeat(20_000) + "kept";
        assert_eq!(to_plain_text(&many), "kept");
    }

    #[test]
    fn lists_become_markdown_lists() {
        let md = to_markdown("<ul><li>one</li><li>two</li></ul><ol><li>a</li><li>b</li></ol>");
        assert_eq!(md, "- one\n- two\n\n1. a\n2. b");
        let blocks = markdown::parse(&md);
        assert!(matches!(&blocks[0], Block::List { ordered: false, items } if items.len() == 2));
        assert!(matches!(&blocks[1], Block::List { ordered: true, items } if items.len() == 2));
    }

    #[test]
    fn entities_are_decoded_and_markdown_characters_escaped() {
        assert_eq!(
            to_plain_text("Tom &amp; Jerry &#8211; &#x263A; &lt;b&gt;"),
            "Tom & Jerry – ☺ <b>"
        );
        let md = to_markdown("2 * 3 = 6 and [brackets] and snake_case");
        assert_eq!(md, r"2 \* 3 = 6 and \[brackets\] and snake\_case");
        // The escaped text renders as the original characters.
        assert_eq!(
            markdown::plain_text(&markdown::parse(&md)),
            "2 * 3 = 6 and [brackets] and snake_case"
        );
    }

    #[test]
    fn plain_text_for_headlines() {
        assert_eq!(
            to_plain_text(
                "US Westward Expansion <small>Mean center of United States population</small>"
            ),
            "US Westward Expansion Mean center of United States population"
        );
    }

    #[test]
    fn unclosed_and_stray_tags_do_not_break_output() {
        assert_eq!(to_markdown("<p><em>open"), "*open*");
        assert_eq!(to_markdown("</em>text</p>"), "text");
        assert_eq!(to_markdown("a < b and c > d"), "a < b and c > d");
        assert_eq!(to_markdown("<em></em>x"), "x");
        assert_eq!(
            to_markdown("<p>unterminated <a href='https://x.org"),
            "unterminated"
        );
    }

    #[test]
    fn the_rendered_link_survives_parsing() {
        let md =
            to_markdown(r#"<p>See <a href="https://example.org">the <em>report</em></a>.</p>"#);
        let blocks = markdown::parse(&md);
        let Some(Block::Paragraph(inlines)) = blocks.first() else {
            panic!("{md}")
        };
        assert!(
            inlines
                .iter()
                .any(|i| matches!(i, MdInline::Link { href, .. } if href == "https://example.org")),
            "{md}"
        );
    }

    #[test]
    fn embed_codes_give_their_urls() {
        let tweet = r#"<blockquote class="twitter-tweet"><p>x</p><a href="https://twitter.com/a/status/1">link</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>"#;
        assert_eq!(
            linked_urls(tweet),
            [
                "https://twitter.com/a/status/1",
                "https://platform.twitter.com/widgets.js"
            ]
        );
        assert!(linked_urls(r#"<a href="javascript:x">x</a>"#).is_empty());
    }

    #[test]
    fn autolink_turns_bare_urls_into_links() {
        assert_eq!(
            to_markdown_with("from https://en.wikipedia.org/wiki/Timeline. Done", true),
            "from [https://en.wikipedia.org/wiki/Timeline](https://en.wikipedia.org/wiki/Timeline). Done"
        );
        assert_eq!(
            to_markdown_with("from https://x.org/a", false),
            "from https://x.org/a"
        );
        // A URL already inside a link is not linked twice.
        assert_eq!(
            to_markdown_with(r#"<a href="https://x.org">https://x.org</a>"#, true),
            "[https://x.org](https://x.org)"
        );
    }

    #[test]
    fn white_space_runs_collapse_and_the_rest_is_borrowed() {
        for (input, expected) in [
            ("a b", "a b"),
            ("a  b", "a b"),
            ("a\tb", "a b"),
            (" \t\r\n\u{0B}\u{0C}x", " x"),
            ("x  ", "x "),
            // Unicode white space too, but a no-break space is kept.
            ("a\u{3000}\u{3000}b\u{2028}c\u{85}d", "a b c d"),
            ("n\u{A0}\u{A0}b", "n\u{A0}\u{A0}b"),
            ("été  à\tla", "été à la"),
            ("\u{200B}", "\u{200B}"),
            ("", ""),
        ] {
            assert_eq!(collapse_whitespace(input), expected, "{input:?}");
        }
        assert!(matches!(
            collapse_whitespace("nothing to do here"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(collapse_whitespace("two  spaces"), Cow::Owned(_)));
    }

    #[test]
    fn a_plain_paragraph_reads_as_the_tokenizer_reads_it() {
        let tokenized = |html: &str, autolink: bool| {
            let mut writer = MarkdownWriter {
                autolink,
                ..MarkdownWriter::default()
            };
            for token in Tokenizer::new(html) {
                writer.token(token);
            }
            writer.finish()
        };
        for html in [
            "<p>A generated attack in BY.</p>",
            "just words",
            "<p>-</p>",
            "<p>1.</p>",
            "<p>  spaced\t out  </p>",
            "<p></p>",
            "",
            "<p>a *b* _c_ [d] \\</p>",
            "<p>see https://x.org/a_b. ok</p>",
            "<p>\u{A0}x\u{3000}</p>",
            "<p>unclosed",
            "<p>two</p><p>paragraphs</p>",
            "<p>a &amp; b</p>",
        ] {
            for autolink in [true, false] {
                assert_eq!(
                    to_markdown_with(html, autolink),
                    tokenized(html, autolink),
                    "{html:?}"
                );
            }
        }
        assert_eq!(plain_paragraph("<p>words</p>"), Some("words"));
        assert_eq!(plain_paragraph("<p>a <em>b</em></p>"), None);
        assert_eq!(plain_paragraph("<p>a &amp; b</p>"), None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for input in [
            "<",
            "<<",
            "</",
            "<a",
            "<a href",
            "<a href=",
            "&",
            "&#",
            "&#x;",
            "&#99999999;",
            "<!--",
            "<!",
            "é<é>é",
            "<script>",
            "<a\u{0}b>",
        ] {
            let _ = to_markdown(input);
            let _ = to_plain_text(input);
            let _ = linked_urls(input);
        }
    }
}
