//! The Markdown subset of long text fields, parsed to a small AST that views
//! render as elements (never as HTML source): paragraphs, `- `/`* ` and `1. `
//! lists, `*em*`/`_em_`, `**strong**`, `[links](url)`, line breaks (a single
//! newline inside a paragraph) and `\` escapes. Everything else, raw HTML
//! included, is literal text. Links to anything but http(s) or relative URLs
//! keep their text and lose the link. Parsing never panics and stays close to
//! linear on hostile input.

use super::url::is_safe_url;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// `href` is as written (safe: http, https or relative); relative links
    /// are relative to the page, not to the data file.
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
}

/// Nesting deeper than this is shown as literal text (bounds the recursion).
const MAX_DEPTH: usize = 8;

pub fn parse(src: &str) -> Vec<Block> {
    parse_reporting(src).0
}

/// Links whose URL was refused (shown as plain text), for validation warnings.
pub fn unsafe_links(src: &str) -> Vec<String> {
    // Every link is written `[label](url)`: without a "](" there is none
    // (the common case, checked for each of 10,000 events' texts).
    if !src.contains("](") {
        return Vec::new();
    }
    parse_reporting(src).1
}

fn parse_reporting(src: &str) -> (Vec<Block>, Vec<String>) {
    let mut refused = Vec::new();
    let blocks = split_blocks(src)
        .into_iter()
        .map(|raw| match raw {
            RawBlock::Paragraph(lines) => {
                Block::Paragraph(parse_inline(&lines.join("\n"), &mut refused))
            }
            RawBlock::List { ordered, items } => Block::List {
                ordered,
                items: items
                    .iter()
                    .map(|lines| parse_inline(&lines.join("\n"), &mut refused))
                    .collect(),
            },
        })
        .collect();
    (blocks, refused)
}

/// The text without markup: blocks separated by blank lines, list items and
/// line breaks by newlines. For search and for alt text.
pub fn plain_text(blocks: &[Block]) -> String {
    let rendered: Vec<String> = blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => inlines_plain_text(inlines),
            Block::List { items, .. } => items
                .iter()
                .map(|item| inlines_plain_text(item))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    rendered.join("\n\n")
}

pub fn inlines_plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Emphasis(children) | Inline::Strong(children) => {
                out.push_str(&inlines_plain_text(children));
            }
            Inline::Link { children, .. } => out.push_str(&inlines_plain_text(children)),
            Inline::LineBreak => out.push('\n'),
        }
    }
    out
}

enum RawBlock<'a> {
    Paragraph(Vec<&'a str>),
    List {
        ordered: bool,
        items: Vec<Vec<&'a str>>,
    },
}

fn split_blocks(src: &str) -> Vec<RawBlock<'_>> {
    let mut blocks = Vec::new();
    let mut current: Option<RawBlock<'_>> = None;
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        match (list_marker(line), &mut current) {
            (
                Some((ordered, rest)),
                Some(RawBlock::List {
                    ordered: same,
                    items,
                }),
            ) if *same == ordered => {
                items.push(vec![rest]);
            }
            (Some((ordered, rest)), _) => {
                blocks.extend(current.take());
                current = Some(RawBlock::List {
                    ordered,
                    items: vec![vec![rest]],
                });
            }
            (None, Some(RawBlock::List { items, .. })) => {
                if let Some(item) = items.last_mut() {
                    item.push(line);
                }
            }
            (None, Some(RawBlock::Paragraph(lines))) => lines.push(line),
            (None, None) => current = Some(RawBlock::Paragraph(vec![line])),
        }
    }
    blocks.extend(current);
    blocks
}

/// `- item`, `* item` (unordered) or `12. item` (ordered): the rest of the line.
fn list_marker(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim_start()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = line.get(digits..)?.strip_prefix(". ")?;
        return Some((true, rest.trim_start()));
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Delimiter {
    Strong,
    StarEmphasis,
    UnderscoreEmphasis,
}

impl Delimiter {
    fn len(self) -> usize {
        if self == Delimiter::Strong { 2 } else { 1 }
    }

    fn index(self) -> usize {
        self as usize
    }
}

struct InlineParser<'r> {
    chars: Vec<char>,
    /// For each `[` and `(`, the index of its matching `]` or `)`.
    closing: Vec<Option<usize>>,
    refused: &'r mut Vec<String>,
}

fn parse_inline(text: &str, refused: &mut Vec<String>) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let closing = match_brackets(&chars);
    let mut parser = InlineParser {
        chars,
        closing,
        refused,
    };
    let end = parser.chars.len();
    parser.parse_range(0, end, 0, false)
}

/// Pairs brackets and parentheses in one pass (escaped ones do not count).
fn match_brackets(chars: &[char]) -> Vec<Option<usize>> {
    let mut closing = vec![None; chars.len()];
    let mut squares: Vec<usize> = Vec::new();
    let mut rounds: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 1,
            '[' => squares.push(i),
            '(' => rounds.push(i),
            ']' => {
                if let Some(open) = squares.pop()
                    && let Some(slot) = closing.get_mut(open)
                {
                    *slot = Some(i);
                }
            }
            ')' => {
                if let Some(open) = rounds.pop()
                    && let Some(slot) = closing.get_mut(open)
                {
                    *slot = Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    closing
}

struct Output {
    inlines: Vec<Inline>,
    text: String,
}

impl Output {
    fn push(&mut self, inline: Inline) {
        self.flush();
        self.inlines.push(inline);
    }

    fn push_all(&mut self, inlines: Vec<Inline>) {
        for inline in inlines {
            match inline {
                Inline::Text(text) => self.text.push_str(&text),
                other => self.push(other),
            }
        }
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.inlines
                .push(Inline::Text(std::mem::take(&mut self.text)));
        }
    }

    fn finish(mut self) -> Vec<Inline> {
        self.flush();
        self.inlines
    }
}

impl InlineParser<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    fn parse_range(
        &mut self,
        start: usize,
        end: usize,
        depth: usize,
        in_link: bool,
    ) -> Vec<Inline> {
        let mut out = Output {
            inlines: Vec::new(),
            text: String::new(),
        };
        if depth > MAX_DEPTH {
            out.text = self.slice(start, end);
            return out.finish();
        }
        // A search for a closer that failed from `p` fails from any later point too.
        let mut no_closer_from: [Option<usize>; 3] = [None; 3];
        let mut i = start;
        while i < end {
            let Some(c) = self.at(i) else { break };
            match c {
                '\\' => match self.at(i + 1) {
                    Some(next) if i + 1 < end && next.is_ascii_punctuation() => {
                        out.text.push(next);
                        i += 2;
                    }
                    _ => {
                        out.text.push('\\');
                        i += 1;
                    }
                },
                '\n' => {
                    out.push(Inline::LineBreak);
                    i += 1;
                }
                '*' | '_' => {
                    let delimiter = match (c, self.at(i + 1)) {
                        ('*', Some('*')) if i + 1 < end => Delimiter::Strong,
                        ('*', _) => Delimiter::StarEmphasis,
                        _ => Delimiter::UnderscoreEmphasis,
                    };
                    let inner_start = i + delimiter.len();
                    let known_failure = no_closer_from
                        .get(delimiter.index())
                        .copied()
                        .flatten()
                        .is_some_and(|p| p <= i);
                    let closer = if !known_failure && self.can_open(delimiter, i, end) {
                        let found = self.find_closer(delimiter, inner_start, end);
                        if found.is_none()
                            && let Some(slot) = no_closer_from.get_mut(delimiter.index())
                        {
                            *slot = Some(i);
                        }
                        found
                    } else {
                        None
                    };
                    match closer {
                        Some(close) => {
                            let children = self.parse_range(inner_start, close, depth + 1, in_link);
                            out.push(match delimiter {
                                Delimiter::Strong => Inline::Strong(children),
                                _ => Inline::Emphasis(children),
                            });
                            i = close + delimiter.len();
                        }
                        None => {
                            out.text.push_str(&self.slice(i, inner_start));
                            i = inner_start;
                        }
                    }
                }
                '[' if !in_link => match self.link_at(i, end) {
                    Some((label_end, url_start, url_end)) => {
                        let children = self.parse_range(i + 1, label_end, depth + 1, true);
                        let written = self.slice(url_start, url_end);
                        let href = written.split_whitespace().next().unwrap_or("").to_string();
                        if is_safe_url(&href) {
                            out.push(Inline::Link { href, children });
                        } else {
                            self.refused.push(href);
                            out.push_all(children);
                        }
                        i = url_end + 1;
                    }
                    None => {
                        out.text.push('[');
                        i += 1;
                    }
                },
                other => {
                    out.text.push(other);
                    i += 1;
                }
            }
        }
        out.finish()
    }

    /// `[label](url)` starting at `open`: (index of `]`, url start, index of `)`).
    fn link_at(&self, open: usize, end: usize) -> Option<(usize, usize, usize)> {
        let label_end = (*self.closing.get(open)?)?;
        let paren = label_end + 1;
        if self.at(paren) != Some('(') {
            return None;
        }
        let url_end = (*self.closing.get(paren)?)?;
        (url_end < end).then_some((label_end, paren + 1, url_end))
    }

    fn can_open(&self, delimiter: Delimiter, at: usize, end: usize) -> bool {
        let after = at + delimiter.len();
        let next_is_text = after < end && self.at(after).is_some_and(|c| !c.is_whitespace());
        let previous = at.checked_sub(1).and_then(|p| self.at(p));
        match delimiter {
            // snake_case words are not emphasis.
            Delimiter::UnderscoreEmphasis => {
                next_is_text && !previous.is_some_and(char::is_alphanumeric)
            }
            _ => next_is_text,
        }
    }

    fn find_closer(&self, delimiter: Delimiter, from: usize, end: usize) -> Option<usize> {
        let mut i = from;
        while i < end {
            let c = self.at(i)?;
            let previous_is_text = i > from && self.at(i - 1).is_some_and(|p| !p.is_whitespace());
            let next = if i + 1 < end { self.at(i + 1) } else { None };
            match (delimiter, c) {
                (_, '\\') => {
                    i += 2;
                    continue;
                }
                (Delimiter::Strong, '*') if next == Some('*') => {
                    if previous_is_text {
                        // In `***`, the last two close (`**a *b***`).
                        let third = if i + 2 < end { self.at(i + 2) } else { None };
                        return Some(if third == Some('*') { i + 1 } else { i });
                    }
                    i += 2;
                    continue;
                }
                (Delimiter::StarEmphasis, '*') => {
                    // `**` inside emphasis is strong, not our closer.
                    if next == Some('*') {
                        i += 2;
                        continue;
                    }
                    if previous_is_text {
                        return Some(i);
                    }
                }
                (Delimiter::UnderscoreEmphasis, '_') => {
                    let next_is_word = next.is_some_and(char::is_alphanumeric);
                    if previous_is_text && !next_is_word {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    fn paragraph(src: &str) -> Vec<Inline> {
        match parse(src).as_slice() {
            [Block::Paragraph(inlines)] => inlines.clone(),
            other => panic!("expected one paragraph, got {other:?}"),
        }
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let blocks = parse("First line\nsecond line\n\n\nNext paragraph");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    text("First line"),
                    Inline::LineBreak,
                    text("second line")
                ]),
                Block::Paragraph(vec![text("Next paragraph")]),
            ]
        );
        assert_eq!(parse(""), vec![]);
        assert_eq!(parse("  \n\n "), vec![]);
    }

    #[test]
    fn emphasis_and_strong() {
        assert_eq!(
            paragraph("a *b* _c_ **d**"),
            vec![
                text("a "),
                Inline::Emphasis(vec![text("b")]),
                text(" "),
                Inline::Emphasis(vec![text("c")]),
                text(" "),
                Inline::Strong(vec![text("d")]),
            ]
        );
        assert_eq!(
            paragraph("**bold *and em***"),
            vec![Inline::Strong(vec![
                text("bold "),
                Inline::Emphasis(vec![text("and em")])
            ])]
        );
        assert_eq!(
            paragraph("***a***"),
            vec![Inline::Strong(vec![Inline::Emphasis(vec![text("a")])])]
        );
        assert_eq!(
            paragraph("*a **b** c*"),
            vec![Inline::Emphasis(vec![
                text("a "),
                Inline::Strong(vec![text("b")]),
                text(" c")
            ])]
        );
    }

    #[test]
    fn literal_asterisks_and_underscores() {
        assert_eq!(paragraph("2 * 3 * 4"), vec![text("2 * 3 * 4")]);
        assert_eq!(paragraph("snake_case_name"), vec![text("snake_case_name")]);
        assert_eq!(paragraph("**unclosed"), vec![text("**unclosed")]);
        assert_eq!(paragraph(r"\*not em\*"), vec![text("*not em*")]);
        assert_eq!(paragraph(r"a \ b"), vec![text(r"a \ b")]);
    }

    #[test]
    fn lists() {
        let blocks = parse("Intro\n- one\n- *two*\n  continued\n\n1. first\n2. second");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("Intro")]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![text("one")],
                        vec![
                            Inline::Emphasis(vec![text("two")]),
                            Inline::LineBreak,
                            text("continued")
                        ],
                    ],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("first")], vec![text("second")]]
                },
            ]
        );
    }

    #[test]
    fn safe_links() {
        assert_eq!(
            paragraph("See [IFEX **now**](https://ifex.org) and [case](/cases/khalip)."),
            vec![
                text("See "),
                Inline::Link {
                    href: "https://ifex.org".to_string(),
                    children: vec![text("IFEX "), Inline::Strong(vec![text("now")])],
                },
                text(" and "),
                Inline::Link {
                    href: "/cases/khalip".to_string(),
                    children: vec![text("case")]
                },
                text("."),
            ]
        );
        assert_eq!(
            paragraph("[a](b) [c]"),
            vec![
                Inline::Link {
                    href: "b".into(),
                    children: vec![text("a")]
                },
                text(" [c]")
            ]
        );
    }

    #[test]
    fn hostile_input_stays_text() {
        assert_eq!(
            paragraph("<script>alert(1)</script>"),
            vec![text("<script>alert(1)</script>")]
        );
        assert_eq!(paragraph("[x](javascript:alert(1))"), vec![text("x")]);
        assert_eq!(
            unsafe_links("[x](javascript:alert(1)) [y](data:text/html,hi)"),
            vec!["javascript:alert(1)", "data:text/html,hi"]
        );
        assert_eq!(paragraph("[x](java\\tscript:1)"), vec![text("x")]);
        assert_eq!(
            paragraph("<img src=x onerror=alert(1)>"),
            vec![text("<img src=x onerror=alert(1)>")]
        );
        assert!(unsafe_links("[ok](https://ifex.org)").is_empty());
    }

    #[test]
    fn deep_and_long_input_does_not_explode() {
        let nested = "*_".repeat(5_000) + &"_*".repeat(5_000);
        let blocks = parse(&nested);
        assert!(!plain_text(&blocks).is_empty());
        let brackets = "[".repeat(20_000) + "x" + &"](y)".repeat(20_000);
        assert!(!parse(&brackets).is_empty());
        let stars = "** ".repeat(30_000);
        assert_eq!(plain_text(&parse(&stars)), stars.trim_end());
    }

    #[test]
    fn plain_text_strips_markup() {
        let blocks = parse("A *b* [c](https://x.org)\nd\n\n- e\n- f");
        assert_eq!(plain_text(&blocks), "A b c\nd\n\ne\nf");
    }
}
