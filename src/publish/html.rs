//! Writing HTML as text, safely: every piece of data goes through
//! [`text`] or [`attr`], and long text through the same Markdown subset
//! (`model::markdown`) the app renders, as the same elements
//! (`ui::text::RichText`). Nothing from the data is ever written as markup.

use crate::model::markdown::{self, Block, Inline};
use crate::model::text::Text;

/// `s` as element content: `&`, `<` and `>` escaped.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// `s` as a double- or single-quoted attribute value (quotes escaped too).
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A JSON value as the body of a `<script type="application/ld+json">`: no
/// `<`, `>` or `&` (so no `</script>` can end it early) and no line
/// separators, all written as JSON's `\u` escapes.
pub fn json_script(value: &serde_json::Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// Long text in the Markdown subset as the app's `RichText` renders it
/// (`<div class="rich-text">`), in `lang`; empty for no text. `base` is the
/// public URL's path (`/sub`, or empty) that app paths (`/cases/x`) go under.
pub fn rich_text(value: Option<&Text>, lang: &str, base: &str) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let mut out = String::from("<div class=\"rich-text\">");
    for block in markdown::parse(value.resolve(lang)) {
        match block {
            Block::Paragraph(inlines) => {
                out.push_str("<p>");
                inlines_html(&inlines, base, &mut out);
                out.push_str("</p>");
            }
            Block::List { ordered, items } => {
                let tag = if ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str("<li>");
                    inlines_html(&item, base, &mut out);
                    out.push_str("</li>");
                }
                out.push_str(&format!("</{tag}>"));
            }
        }
    }
    out.push_str("</div>");
    out
}

fn inlines_html(inlines: &[Inline], base: &str, out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(&text(t)),
            Inline::Emphasis(children) => {
                out.push_str("<em>");
                inlines_html(children, base, out);
                out.push_str("</em>");
            }
            Inline::Strong(children) => {
                out.push_str("<strong>");
                inlines_html(children, base, out);
                out.push_str("</strong>");
            }
            Inline::LineBreak => out.push_str("<br>"),
            Inline::Link { href, children } => {
                let mut label = String::new();
                inlines_html(children, base, &mut label);
                out.push_str(&link(href, &label, base));
            }
        }
    }
}

/// A link as `ui::text::external_or_local_link` makes it: other sites in a
/// new tab without access to this page, app paths under the public URL.
/// `label_html` is already HTML; `href` is a URL the data gave (only http(s)
/// and relative ones reach here: the Markdown parser and the validator drop
/// the rest).
pub fn link(href: &str, label_html: &str, base: &str) -> String {
    if href.starts_with("http://") || href.starts_with("https://") {
        format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{label_html}</a>",
            attr(href)
        )
    } else if href.starts_with('/') && !href.starts_with("//") {
        format!(
            "<a href=\"{}\">{label_html}</a>",
            attr(&format!("{base}{href}"))
        )
    } else {
        format!("<a href=\"{}\">{label_html}</a>", attr(href))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_text_never_becomes_markup() {
        assert_eq!(
            text("<script>a & b</script>"),
            "&lt;script&gt;a &amp; b&lt;/script&gt;"
        );
        assert_eq!(attr("\"x' onload=<y>"), "&quot;x&#39; onload=&lt;y&gt;");
        let json = json_script(
            &serde_json::json!({ "name": "</script><script>alert(1)</script>\u{2028}" }),
        );
        assert!(!json.contains('<') && !json.contains('>'), "{json}");
        assert!(json.contains("\\u003c/script\\u003e") && json.contains("\\u2028"));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back["name"], "</script><script>alert(1)</script>\u{2028}");
    }

    #[test]
    fn markdown_renders_as_the_app_renders_it() {
        let src = Text::from(
            "A **bold** <b>claim</b> with [a link](https://x.org/?a=1&b=\"2\") and [ours](/cases/x).\n\n- one\n- *two*\n\n[bad](javascript:alert(1))",
        );
        let html = rich_text(Some(&src), "en", "/sub");
        assert_eq!(
            html,
            "<div class=\"rich-text\"><p>A <strong>bold</strong> &lt;b&gt;claim&lt;/b&gt; with \
             <a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\" target=\"_blank\" rel=\"noopener noreferrer\">a link</a> \
             and <a href=\"/sub/cases/x\">ours</a>.</p><ul><li>one</li><li><em>two</em></li></ul>\
             <p>bad</p></div>"
        );
        assert_eq!(rich_text(None, "en", ""), "");
    }
}
