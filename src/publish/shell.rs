//! Putting a page into the reader app's own `index.html` as Trunk built it
//! (its CSS, Content-Security-Policy, script tags with their SRI hashes and
//! `<base href>`), so a published page loads exactly what the app loads.
//! The shell is read as text: only `<title>`, the end of `<head>` and the
//! `#app` element are touched, whichever way Trunk's minifier wrote them.

use std::fmt;

use crate::i18n::{LANG_STORAGE_KEY, Lang};

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
    /// The glue's module preloads taken out of the head: a page that starts
    /// the app after its first paint keeps them, so the glue downloads
    /// while the page paints.
    app_preloads: String,
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
        let deferred = defer_app_start(&html[..open_start], &public_path);
        Ok(Shell {
            head: deferred.head,
            app_open,
            tail: html[close_start..].to_owned(),
            public_path,
            start_script: deferred.start_script,
            app_preloads: deferred.preloads,
        })
    }

    /// The whole page: `title` (a `<title>` element) in place of the
    /// shell's, `head_tags` at the end of `<head>`, `body` inside `#app`,
    /// and when the app starts (`start`).
    pub fn page(&self, title: &str, head_tags: &str, body: &str, start: Start) -> String {
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
        let app_open = match start {
            Start::AfterPaint => {
                let script = self
                    .start_script
                    .as_ref()
                    .and_then(|(name, _)| head.find(&format!("/{name}\"")))
                    .and_then(|at| head[..at].rfind("<script"));
                if let Some(at) = script {
                    head.insert_str(at, &self.app_preloads);
                }
                self.app_open.clone()
            }
            Start::OnInput => self
                .app_open
                .replacen("<div ", "<div data-start=\"input\" ", 1),
        };
        format!("{head}{app_open}{body}{}", self.tail)
    }
}

/// When a published page starts the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Once the page has painted: the app draws part of the page (the map,
    /// the timeline, a story's map).
    AfterPaint,
    /// At the reader's first input (`#app[data-start="input"]`): the page is
    /// whole without the app, which adds search, the language menu, Share and
    /// the lightbox. A reader who never touches the page downloads none of it.
    OnInput,
}

/// The published page paints first, the app's download starts after: Trunk's
/// inline loader (`<script type="module">`, allowed by its CSP hash) becomes
/// a file of the deployment (allowed as `'self'`), and the head's preloads of
/// the app (the wasm, the JS glue and the split loader) go. The file adds the
/// glue's preloads back, with their SRI, when it starts the app: after the
/// first paint, or on a page marked [`Start::OnInput`] at the reader's first
/// input (see [`start_script`]). On a slow phone the page's own CSS and text
/// get the bandwidth first, and its first paint is the page's heading.
fn defer_app_start(head: &str, public_path: &str) -> Deferred {
    let mut out = head.to_owned();
    // The wasm's preload.
    while let Some((start, end)) = find_tag(&out, "<link", |tag| tag.contains("application/wasm")) {
        out.replace_range(start..end, "");
    }
    let Some((start, end)) = find_tag(&out, "<script", |tag| {
        let tag = tag.replace('"', "");
        tag.contains("type=module") && !tag.contains("src=")
    }) else {
        return Deferred::unchanged(out);
    };
    let Some(close) = out[end..].find("</script>").map(|at| end + at) else {
        return Deferred::unchanged(out);
    };
    let body = out[end..close].to_owned();
    let tail = &out[close + "</script>".len()..];
    let Some(dynamic) = dynamic_import(&body) else {
        // A loader of another shape: it still waits for the first paint,
        // and fetches the glue (preloaded) at once.
        let text = format!(
            "// Trunk's loader, started after the published page's first paint (mapline publish).\n\
             await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n{body}\n"
        );
        let (script, file) = start_file(text, public_path);
        return Deferred {
            head: format!("{}{script}{tail}", &out[..start]),
            start_script: Some(file),
            preloads: String::new(),
        };
    };
    // The glue's module preloads: the start script adds them when it starts.
    let mut preloads = Vec::new();
    let mut tags = String::new();
    let mut kept = out[..start].to_owned();
    while let Some((at, tag_end)) = find_tag(&kept, "<link", |tag| tag.contains("modulepreload")) {
        let tag = kept[at..tag_end].to_owned();
        if let Some(href) = attr_value(&tag, "href") {
            preloads.push((href, attr_value(&tag, "integrity").unwrap_or_default()));
        }
        tags.push_str(&tag);
        kept.replace_range(at..tag_end, "");
    }
    let (script, file) = start_file(start_script(&dynamic, &preloads), public_path);
    Deferred {
        head: format!("{kept}{script}{tail}"),
        start_script: Some(file),
        preloads: tags,
    }
}

/// The start script as a file of the deployment, named by its content: the
/// tag that loads it, and its name and text.
fn start_file(text: String, public_path: &str) -> (String, (String, String)) {
    let name = format!("app-start-{:016x}.js", fnv1a(&text));
    let script = format!("<script type=\"module\" src=\"{public_path}/{name}\"></script>");
    (script, (name, text))
}

/// The shell's head with Trunk's loader moved out ([`defer_app_start`]).
struct Deferred {
    head: String,
    start_script: Option<(String, String)>,
    /// The glue's `<link rel="modulepreload">` tags taken out of the head.
    preloads: String,
}

impl Deferred {
    /// A head without Trunk's inline loader: nothing to move.
    fn unchanged(head: String) -> Deferred {
        Deferred {
            head,
            start_script: None,
            preloads: String::new(),
        }
    }
}

/// Trunk's loader (`import init, * as bindings from '…'; …`) with its static
/// import made an `import()`: a static import would fetch the glue before
/// the script runs. `None` for a loader of another shape.
fn dynamic_import(loader: &str) -> Option<String> {
    let (url, rest) = loader
        .trim()
        .strip_prefix("import init, * as bindings from ")?
        .split_once(';')?;
    Some(format!(
        "const bindings = await import({url});\nconst init = bindings.default;{rest}"
    ))
}

/// The start script's text around Trunk's loader (`loader`, its import
/// made dynamic by [`dynamic_import`]).
///
/// A page marked `data-start="input"` waits for the reader's first pointer
/// (a touch, a click, a mouse that moves), key or focus, unless the page as
/// published is not what the reader asked for: a query the app reads
/// (`?data=`, `?q=`), or another language than the page's (chosen as
/// `i18n::Lang::choose` does: `?lang=`, the stored choice, the browser's
/// languages). A photo of a gallery tapped before the app has taken over
/// opens in the app's lightbox once it has, or as the image file if the app
/// cannot start.
fn start_script(loader: &str, preloads: &[(String, String)]) -> String {
    let preloads: Vec<String> = preloads
        .iter()
        .map(|(href, integrity)| format!("[{}, {}]", js_string(href), js_string(integrity)))
        .collect();
    let languages: Vec<String> = Lang::ALL.iter().map(|l| js_string(l.code())).collect();
    let indented = loader.trim().replace('\n', "\n  ");
    format!(
        r#"// The reader app's loader for a published page (mapline publish,
// src/publish/shell.rs): the page paints first, the app starts after.
const preloads = [{preloads}];
const languages = [{languages}];
const start = async () => {{
  for (const [href, integrity] of preloads) {{
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.crossOrigin = 'anonymous';
    if (integrity) link.integrity = integrity;
    document.head.append(link);
  }}
  {indented}
}};
// The page as published is not what the reader asked for.
const askedForMore = () => {{
  const params = new URLSearchParams(location.search);
  if ([...params.keys()].some((key) => key !== 'lang')) return true;
  let stored = null;
  try {{
    stored = localStorage.getItem({storage_key});
  }} catch (error) {{
    // Storage refused (a sandboxed frame): the browser's languages decide.
  }}
  const primary = (tag) => String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
  const chosen = [params.get('lang'), stored, ...(navigator.languages || [])]
    .map(primary)
    .find((code) => languages.includes(code)) || languages[0];
  return chosen !== document.documentElement.lang;
}};
const app = document.getElementById('app');
if (app && app.dataset.start === 'input' && !askedForMore()) {{
  let photo = null;
  const held = (event) => {{
    const link = event.target instanceof Element ? event.target.closest('.published a.photo-open') : null;
    const tile = link && link.closest('[data-photo-id]');
    if (!tile || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const block = tile.closest('[data-gallery-id]');
    const scope = block ? `[data-gallery-id="${{CSS.escape(block.dataset.galleryId)}}"] ` : '';
    photo = {{ selector: `${{scope}}[data-photo-id="${{CSS.escape(tile.dataset.photoId)}}"] .photo-open`, href: link.href }};
  }};
  // The app may draw the gallery after it has taken over (its code comes
  // in a module of its own): the photo opens once it is there.
  const release = (openLive) => {{
    removeEventListener('click', held, true);
    if (!photo) return;
    const {{ selector, href }} = photo;
    if (!openLive) return location.assign(href);
    let opened = false;
    const open = () => {{
      const live = app.querySelector(selector);
      if (live) live.click();
      opened = Boolean(live);
      return opened;
    }};
    if (open()) return;
    const waiting = new MutationObserver(() => {{
      if (open()) waiting.disconnect();
    }});
    waiting.observe(app, {{ childList: true, subtree: true }});
    // Not there in 10 s (its module failed, or is slow): the image file.
    setTimeout(() => {{
      waiting.disconnect();
      if (!opened) location.assign(href);
    }}, 10000);
  }};
  addEventListener('click', held, true);
  new MutationObserver((_, observer) => {{
    const shown = !app.hasAttribute('data-published');
    if (shown || app.dataset.state === 'error') {{
      observer.disconnect();
      release(shown);
    }}
  }}).observe(app, {{ attributes: true, attributeFilter: ['data-published', 'data-state'] }});
  // A mouse that moves counts: the search box, the language menu and Share
  // appear with the app, and a desktop reader looks for them.
  const inputs = ['pointerdown', 'pointermove', 'keydown', 'focusin'];
  const go = () => {{
    for (const type of inputs) removeEventListener(type, go, true);
    app.dataset.start = 'started';
    start().catch((error) => {{
      release(false);
      throw error;
    }});
  }};
  for (const type of inputs) addEventListener(type, go, {{ capture: true, passive: true }});
}} else {{
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  await start();
}}
"#,
        preloads = preloads.join(", "),
        languages = languages.join(", "),
        storage_key = js_string(LANG_STORAGE_KEY),
    )
}

/// A JavaScript string literal of `text`.
fn js_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// The value of attribute `name` in a tag's text, quoted or not.
fn attr_value(tag: &str, name: &str) -> Option<String> {
    split_attrs(
        tag.trim_start_matches('<')
            .trim_end_matches('>')
            .trim_end_matches('/'),
    )
    .into_iter()
    .find_map(|attr| {
        let (key, value) = attr.split_once('=')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim_matches(|c| c == '"' || c == '\'').to_owned())
    })
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
    let (at, end) = find_tag(html, "<base", |_| true)?;
    let value = attr_value(&html[at..end], "href")?;
    // Only a path: an absolute base would make every link leave the site.
    let path = if let Some((_, after)) = value.split_once("://") {
        after.find('/').map_or("", |i| &after[i..])
    } else {
        &value
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
            Start::AfterPaint,
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
        let page = shell.page("<title>T</title>", "", "B", Start::AfterPaint);
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
                    Start::AfterPaint,
                )
            })
            .unwrap_or_default();
        assert!(
            Shell::parse(&published).is_err(),
            "a published page is not a shell"
        );
    }

    /// The shell as scripts/split-loader.mjs writes it: preloads of the
    /// glue, the split loader and the wasm, and the inline loader.
    const TRUNK_SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Mapline</title><base href=\"/\"><link rel=\"modulepreload\" href=\"/w-1/w.js\" crossorigin=\"anonymous\" integrity=\"sha384-AAA\"><link rel=\"modulepreload\" href=\"/w-1/__wasm_split.js\" crossorigin=\"anonymous\" integrity=\"sha384-BBB\"><link rel=\"preload\" href=\"/w-1/w_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-CCC\" as=\"fetch\" type=\"application/wasm\"><script type=\"module\">\nimport init, * as bindings from '/w-1/w.js';\nconst wasm = await init({ module_or_path: '/w-1/w_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script></head><body><div id=\"app\" data-state=\"loading\"></div></body></html>";

    #[test]
    fn a_published_page_fetches_none_of_the_app_until_its_script_starts_it() {
        let shell = Shell::parse(TRUNK_SHELL).unwrap_or_else(|e| panic!("{e}"));
        let (name, script) = shell.start_script.clone().unwrap_or_default();
        let page = shell.page("<title>T</title>", "", "B", Start::OnInput);
        // No preload, no static import: nothing of the app in the head.
        for fetched in ["w.js", "__wasm_split.js", "w_bg.wasm", "modulepreload"] {
            assert!(!page.contains(fetched), "{fetched} in {page}");
        }
        assert!(
            page.contains(&format!(
                "<base href=\"/\"><script type=\"module\" src=\"/{name}\"></script>"
            )),
            "{page}"
        );
        assert!(
            page.contains("<div data-start=\"input\" id=\"app\""),
            "{page}"
        );
        // The script adds the preloads back with their SRI, then imports.
        assert!(script.contains(r#"const preloads = [["/w-1/w.js", "sha384-AAA"], ["/w-1/__wasm_split.js", "sha384-BBB"]];"#), "{script}");
        assert!(
            script.contains("const bindings = await import('/w-1/w.js');"),
            "{script}"
        );
        assert!(!script.contains("import init"), "{script}");
        assert!(
            script.contains("init({ module_or_path: '/w-1/w_bg.wasm' })"),
            "{script}"
        );
        // It reads the language choice as the app does.
        assert!(
            script.contains(r#"const languages = ["en", "fr", "es", "ar"];"#),
            "{script}"
        );
        assert!(
            script.contains(r#"localStorage.getItem("mapline.lang")"#),
            "{script}"
        );
        // A page the app draws starts it after the first paint instead, with
        // the glue preloaded while it paints (the wasm is not).
        let drawn = shell.page("<title>T</title>", "", "B", Start::AfterPaint);
        assert!(!drawn.contains("data-start"), "{drawn}");
        assert!(drawn.contains(&format!("<link rel=\"modulepreload\" href=\"/w-1/w.js\" crossorigin=\"anonymous\" integrity=\"sha384-AAA\"><link rel=\"modulepreload\" href=\"/w-1/__wasm_split.js\" crossorigin=\"anonymous\" integrity=\"sha384-BBB\"><script type=\"module\" src=\"/{name}\">")), "{drawn}");
        assert!(!drawn.contains("w_bg.wasm\" crossorigin"), "{drawn}");
    }
}
