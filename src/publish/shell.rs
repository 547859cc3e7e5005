//! Putting a page into the reader app's own `index.html` as Trunk built it
//! (its CSS, Content-Security-Policy, script tags with their SRI hashes and
//! `<base href>`), so a published page loads exactly what the app loads.
//! The shell is read as text: only `<title>`, the end of `<head>` and the
//! `#app` element are touched, whichever way Trunk's minifier wrote them.

use std::fmt;

/// Why a shell cannot take pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellError(pub String);

impl fmt::Display for ShellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The parts of a shell a page is put into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// Up to the `#app` element's opening tag.
    head: String,
    /// `#app`'s opening tag, rewritten for a published page.
    app_open: String,
    /// From `#app`'s closing tag to the end.
    tail: String,
    /// The public URL's path without its trailing slash (`/sub`, or empty).
    pub public_path: String,
    /// Trunk's loader moved to a file (its name below the dist folder and
    /// its text), which waits for the published page's first paint.
    pub start_script: Option<(String, String)>,
}

impl Shell {
    pub fn parse(html: &str) -> Result<Shell, ShellError> {
        let lower = html.to_ascii_lowercase();
        if lower.contains("name=\"generator\" content=\"mapline publish\"") {
            return Err(ShellError(
                "this index.html is already a published page, not the app's shell".into(),
            ));
        }
        let head_end = lower
            .find("</head>")
            .ok_or_else(|| ShellError("no </head> in the shell".into()))?;
        let id_at = ["id=\"app\"", "id='app'", "id=app "]
            .iter()
            .chain(["id=app>"].iter())
            .filter_map(|needle| lower.find(needle))
            .min()
            .ok_or_else(|| ShellError("no element with id=\"app\" in the shell".into()))?;
        let open_start = lower[..id_at]
            .rfind("<div")
            .ok_or_else(|| ShellError("the #app element is not a <div>".into()))?;
        let open_end = lower[id_at..]
            .find('>')
            .map(|at| id_at + at + 1)
            .ok_or_else(|| ShellError("the #app tag is not closed".into()))?;
        // The matching </div>, counting nested divs.
        let mut depth = 1usize;
        let mut at = open_end;
        let close_start = loop {
            let next_open = lower[at..].find("<div").map(|i| at + i);
            let next_close = lower[at..]
                .find("</div")
                .map(|i| at + i)
                .ok_or_else(|| ShellError("the #app element is not closed".into()))?;
            match next_open {
                Some(open) if open < next_close => {
                    depth += 1;
                    at = open + 4;
                }
                _ => {
                    depth -= 1;
                    if depth == 0 {
                        break next_close;
                    }
                    at = next_close + 5;
                }
            }
        };
        if head_end > open_start {
            return Err(ShellError("#app is inside <head>".into()));
        }
        let app_open = published_app_tag(&html[open_start..open_end]);
        let public_path = base_path(html).unwrap_or_default();
        let (head, start_script) = defer_app_start(&html[..open_start], &public_path);
        Ok(Shell {
            head,
            app_open,
            tail: html[close_start..].to_owned(),
            public_path,
            start_script,
        })
    }

    /// The whole page: `title` (a `<title>` element) in place of the
    /// shell's, `head_tags` at the end of `<head>`, `body` inside `#app`.
    pub fn page(&self, title: &str, head_tags: &str, body: &str) -> String {
        let mut head = self.head.clone();
        let lower = head.to_ascii_lowercase();
        match (lower.find("<title"), lower.find("</title>")) {
            (Some(start), Some(end)) if start < end => {
                head.replace_range(start..end + "</title>".len(), title);
            }
            _ => {
                if let Some(at) = head.to_ascii_lowercase().find("</head>") {
                    head.insert_str(at, title);
                }
            }
        }
        if let Some(at) = head.to_ascii_lowercase().find("</head>") {
            head.insert_str(at, &format!("  {head_tags}\n"));
        }
        format!("{head}{}{body}{}", self.app_open, self.tail)
    }
}

/// The published page paints first, the app's download starts after: Trunk's
/// inline loader (`<script type="module">`, allowed by its CSP hash) becomes
/// a file of the deployment (allowed as `'self'`) that waits for the first
/// frame before it fetches the wasm, and the wasm's `<link rel="preload">`
/// goes. On a slow phone the page's own CSS and text then get the bandwidth
/// first, and its first paint is the page's heading, not the app's.
fn defer_app_start(head: &str, public_path: &str) -> (String, Option<(String, String)>) {
    let mut out = head.to_owned();
    // The wasm's preload.
    while let Some((start, end)) = find_tag(&out, "<link", |tag| tag.contains("application/wasm")) {
        out.replace_range(start..end, "");
    }
    let Some((start, end)) = find_tag(&out, "<script", |tag| {
        let tag = tag.replace('"', "");
        tag.contains("type=module") && !tag.contains("src=")
    }) else {
        return (out, None);
    };
    let Some(close) = out[end..].find("</script>").map(|at| end + at) else {
        return (out, None);
    };
    let body = out[end..close].to_owned();
    let text = format!(
        "// Trunk's loader, started after the published page's first paint (mapline publish).\n\
         await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n{body}\n"
    );
    let name = format!("app-start-{:016x}.js", fnv1a(&text));
    out.replace_range(
        start..close + "</script>".len(),
        &format!("<script type=\"module\" src=\"{public_path}/{name}\"></script>"),
    );
    (out, Some((name, text)))
}

/// The first tag named `open` (`<link`) whose text `matches`: its start and end.
fn find_tag(html: &str, open: &str, matches: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(open).map(|i| from + i) {
        let end = lower[at..].find('>').map(|i| at + i + 1)?;
        if matches(&lower[at..end]) {
            return Some((at, end));
        }
        from = end;
    }
    None
}

/// A content hash for the loader's file name (FNV-1a, 64 bits).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `#app`'s opening tag for a page with its content: not busy (a screen
/// reader reads it at once, and with JavaScript off it stays), and marked
/// `data-published` for the app, which takes over once its own render is
/// ready (`app::start`).
fn published_app_tag(tag: &str) -> String {
    let inner = tag
        .trim_start_matches("<div")
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut attrs: Vec<String> = split_attrs(inner)
        .into_iter()
        .filter(|a| {
            let name = a.split('=').next().unwrap_or("").to_ascii_lowercase();
            name != "aria-busy" && name != "data-published"
        })
        .collect();
    attrs.push("aria-busy=\"false\"".into());
    attrs.push("data-published=\"\"".into());
    format!("<div {}>", attrs.join(" "))
}

/// The attributes of a tag's inside, quoted or not.
fn split_attrs(inner: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match (quote, c) {
            (None, c) if c.is_whitespace() => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                current.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The path of `<base href>` (Trunk's public URL) without its trailing slash.
fn base_path(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find("<base")?;
    let end = at + lower[at..].find('>')?;
    let tag = &html[at..end];
    let href_at = tag.to_ascii_lowercase().find("href=")? + "href=".len();
    let rest = &tag[href_at..];
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split(char::is_whitespace).next()?,
    };
    // Only a path: an absolute base would make every link leave the site.
    let path = if let Some((_, after)) = value.split_once("://") {
        after.find('/').map_or("", |i| &after[i..])
    } else {
        value
    };
    Some(path.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mapline</title><base href=\"/sub/\"><script type=\"module\">import init from '/sub/x.js';</script></head><body>\n<div id=\"app\" data-state=\"loading\" aria-busy=\"true\"><p class=\"boot\">Loading</p><noscript><p>JS</p></noscript></div>\n</body></html>";

    #[test]
    fn a_page_goes_into_the_shell() {
        let shell = Shell::parse(SHELL).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(shell.public_path, "/sub");
        // Trunk's loader waits in a file for the first paint.
        let (name, script) = shell.start_script.clone().unwrap_or_default();
        assert!(
            name.starts_with("app-start-") && name.ends_with(".js"),
            "{name}"
        );
        assert!(script.contains("requestAnimationFrame"));
        assert!(script.ends_with("import init from '/sub/x.js';\n"));
        let page = shell.page(
            "<title>A · B</title>",
            "<meta name=\"x\" content=\"y\">",
            "<main>hi</main>",
        );
        assert_eq!(
            page,
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A · B</title><base href=\"/sub/\"><script type=\"module\" src=\"/sub/{name}\"></script>  <meta name=\"x\" content=\"y\">\n</head><body>\n<div id=\"app\" data-state=\"loading\" aria-busy=\"false\" data-published=\"\"><main>hi</main></div>\n</body></html>"
            )
        );
    }

    #[test]
    fn minified_shells_and_nested_divs_are_read() {
        let minified = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Mapline</title><base href=/><body><div id=app data-state=loading aria-busy=true><div><p>x</p></div></div><footer></footer>";
        let shell = Shell::parse(&format!(
            "{}</head>{}",
            &minified[..minified.find("<body>").unwrap_or(0)],
            &minified[minified.find("<body>").unwrap_or(0)..]
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(shell.public_path, "");
        let page = shell.page("<title>T</title>", "", "B");
        assert!(page.contains("<div id=app data-state=loading aria-busy=\"false\" data-published=\"\">B</div><footer>"), "{page}");
    }

    #[test]
    fn bad_shells_are_refused() {
        assert!(Shell::parse("<html><head></head><body></body></html>").is_err());
        let published = Shell::parse(SHELL)
            .map(|s| {
                s.page(
                    "<title>t</title>",
                    "<meta name=\"generator\" content=\"mapline publish\">",
                    "",
                )
            })
            .unwrap_or_default();
        assert!(
            Shell::parse(&published).is_err(),
            "a published page is not a shell"
        );
    }
}
