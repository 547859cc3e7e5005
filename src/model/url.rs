//! URL safety and resolution of relative URLs against the file they appear in.

/// True for `http://host…`, `https://host…` and relative URLs (`a/b.jpg`,
/// `../x.json`, `/data/x.json`, `?q`, `#frag`).
///
/// Rejected: every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`,
/// `mailto:`…), protocol-relative `//host` (it would load from another host
/// without saying which scheme; datasets write `https://` explicitly),
/// backslashes (browsers read `\` as `/`, so `/\evil` is `//evil`), any
/// whitespace or control character at the ends and any tab, newline or control
/// character inside (browsers strip them, so `java\tscript:` is `javascript:`),
/// and HTML character references (`javascript&#58;…`, `&colon;`), which would
/// turn into a scheme if the URL were ever written into HTML source.
pub fn is_safe_url(url: &str) -> bool {
    if url.is_empty() || url.trim() != url {
        return false;
    }
    if url
        .chars()
        .any(|c| c.is_control() || c == '\\' || (c.is_whitespace() && c != ' '))
    {
        return false;
    }
    if has_character_reference(url) {
        return false;
    }
    if url.starts_with("//") {
        return false;
    }
    match scheme_of(url) {
        None => true,
        Some(scheme) => {
            let scheme = scheme.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return false;
            }
            // `http:foo` and `http:///x` are not what anyone means: require a host.
            let rest = url.get(scheme.len() + 1..).unwrap_or("");
            match rest.strip_prefix("//") {
                Some(after) => after
                    .chars()
                    .next()
                    .is_some_and(|c| c != '/' && c != '?' && c != '#'),
                None => false,
            }
        }
    }
}

/// The scheme, if the URL has one: the text before the first `:` when that
/// comes before any `/`, `?` or `#`.
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.get(end..end + 1) == Some(":") {
        url.get(..end)
    } else {
        None
    }
}

/// `&#…` or `&name;`: a character reference, if this ever reached HTML.
fn has_character_reference(url: &str) -> bool {
    let bytes = url.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'&' {
            return false;
        }
        let rest = bytes.get(i + 1..).unwrap_or(&[]);
        if rest.first() == Some(&b'#') {
            return true;
        }
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        name_len > 0 && rest.get(name_len) == Some(&b';')
    })
}

/// The host (with its port) of an http(s) URL: `example.org:8080` of
/// `https://example.org:8080/a`; `None` for any other URL.
pub fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// True when the URL names its scheme (so is absolute): `https://…`.
pub fn is_absolute(url: &str) -> bool {
    scheme_of(url).is_some()
}

/// Resolves `url` against the file it appears in (`base_file`: a URL such as
/// `http://127.0.0.1:8080/data/manifest.json` or a path such as
/// `data/stories/a.json`). Absolute URLs pass through; `./` and `../` are
/// folded; `/abs` is taken from the base's origin (or the root for paths).
/// `..` above a relative base path is kept (`../x`); above a root, dropped.
pub fn resolve(base_file: &str, url: &str) -> String {
    if url.is_empty() || is_absolute(url) || url.starts_with("//") {
        return url.to_string();
    }
    let (origin, base_path) = split_origin(base_file);
    let base_path = strip_query_and_fragment(base_path);
    if url.starts_with('#') || url.starts_with('?') {
        return format!("{origin}{base_path}{url}");
    }
    let (url_path, suffix) = match url.find(['?', '#']) {
        Some(at) => (url.get(..at).unwrap_or(url), url.get(at..).unwrap_or("")),
        None => (url, ""),
    };
    let joined = if url_path.starts_with('/') {
        url_path.to_string()
    } else {
        let directory = match base_path.rfind('/') {
            Some(slash) => base_path.get(..=slash).unwrap_or(""),
            None => "",
        };
        format!("{directory}{url_path}")
    };
    // A URL base always has a rooted path, even when written `http://host`.
    let rooted = joined.starts_with('/') || !origin.is_empty();
    format!("{origin}{}{suffix}", normalize_path(&joined, rooted))
}

/// Splits `scheme://host[:port]` from the path of an absolute URL; paths have
/// no origin.
fn split_origin(base: &str) -> (&str, &str) {
    if let Some(scheme) = scheme_of(base) {
        let after_scheme = scheme.len() + 1;
        if base.get(after_scheme..after_scheme + 2) == Some("//") {
            let host_start = after_scheme + 2;
            let rest = base.get(host_start..).unwrap_or("");
            let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            let path_start = host_start + host_len;
            return (
                base.get(..path_start).unwrap_or(base),
                base.get(path_start..).unwrap_or(""),
            );
        }
    }
    ("", base)
}

fn strip_query_and_fragment(path: &str) -> &str {
    match path.find(['?', '#']) {
        Some(at) => path.get(..at).unwrap_or(path),
        None => path,
    }
}

/// Folds `.` and `..` segments. A rooted path cannot climb above `/`.
fn normalize_path(path: &str, rooted: bool) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "" if i != last => {}
            "." => {}
            ".." => {
                if segments.last().is_some_and(|s| *s != "..") {
                    segments.pop();
                } else if !rooted {
                    segments.push("..");
                }
            }
            other => segments.push(other),
        }
    }
    // A trailing `.` or `..` names a directory: keep the trailing slash.
    let ends_as_directory = matches!(parts.last(), Some(&".") | Some(&".."));
    let mut out = segments.join("/");
    if ends_as_directory && !out.is_empty() && !out.ends_with('/') {
        out.push('/');
    }
    if rooted { format!("/{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_http_urls_only() {
        assert_eq!(
            host("https://example.org:8080/a?b#c"),
            Some("example.org:8080")
        );
        assert_eq!(host("http://www.germuska.com"), Some("www.germuska.com"));
        assert_eq!(host("/media/a.jpg"), None);
        assert_eq!(host("data:image/png;base64,AAAA"), None);
    }

    #[test]
    fn safe_urls() {
        for url in [
            "https://ifex.org/",
            "http://127.0.0.1:8080/data/x.json",
            "HTTPS://IFEX.ORG",
            "images/khalip.jpg",
            "../a.json",
            "./b.json",
            "/data/x.json",
            "#top",
            "?q=1&r=2",
            "https://tile.example.org/{z}/{x}/{y}.png",
            "images/my photo.jpg",
            "https://example.org/a:b",
            "a/b:c",
        ] {
            assert!(is_safe_url(url), "{url:?} should be safe");
        }
    }

    #[test]
    fn unsafe_urls() {
        for url in [
            "",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{0}script:alert(1)",
            " javascript:alert(1)",
            "\u{1}https://ifex.org",
            "https://ifex.org ",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "mailto:a@b.org",
            "//evil.example.org/x.js",
            "/\\evil.example.org",
            "https:\\\\evil.example.org",
            "javascript&#58;alert(1)",
            "javascript&colon;alert(1)",
            "&#106;avascript:alert(1)",
            "http:evil",
            "https:///x",
            "https://",
            "ftp://example.org/x",
        ] {
            assert!(!is_safe_url(url), "{url:?} should be rejected");
        }
    }

    #[test]
    fn resolves_against_paths() {
        assert_eq!(
            resolve("data/stories/a.json", "images/x.jpg"),
            "data/stories/images/x.jpg"
        );
        assert_eq!(
            resolve("data/stories/a.json", "./x.jpg"),
            "data/stories/x.jpg"
        );
        assert_eq!(
            resolve("data/stories/a.json", "../images/x.jpg"),
            "data/images/x.jpg"
        );
        assert_eq!(resolve("data/stories/a.json", "../../../x.jpg"), "../x.jpg");
        assert_eq!(resolve("data/stories/a.json", "/img/x.jpg"), "/img/x.jpg");
        assert_eq!(resolve("a.json", "b.json"), "b.json");
        assert_eq!(resolve("/data/a.json", "../../x"), "/x");
        assert_eq!(
            resolve("data/a.json", "b.json?v=2#top"),
            "data/b.json?v=2#top"
        );
        assert_eq!(
            resolve("data/a.json", "https://ifex.org/x"),
            "https://ifex.org/x"
        );
    }

    #[test]
    fn resolves_against_urls() {
        let base = "http://127.0.0.1:8080/data/manifest.json";
        assert_eq!(
            resolve(base, "members.json"),
            "http://127.0.0.1:8080/data/members.json"
        );
        assert_eq!(
            resolve(base, "stories/../x.json"),
            "http://127.0.0.1:8080/data/x.json"
        );
        assert_eq!(
            resolve(base, "../../../x.json"),
            "http://127.0.0.1:8080/x.json"
        );
        assert_eq!(
            resolve(base, "/img/a.png"),
            "http://127.0.0.1:8080/img/a.png"
        );
        assert_eq!(
            resolve(base, "#frag"),
            "http://127.0.0.1:8080/data/manifest.json#frag"
        );
        assert_eq!(
            resolve("https://example.org", "a.json"),
            "https://example.org/a.json"
        );
        assert_eq!(
            resolve("https://example.org/d/m.json?x=1", "a.json"),
            "https://example.org/d/a.json"
        );
        assert_eq!(resolve(base, "https://other.org/a"), "https://other.org/a");
    }
}
