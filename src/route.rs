//! The app's addresses in one place: every in-app link is built from a
//! [`Route`], and carries the parameters that say which data the reader is
//! looking at (`data`, `source`) and, when the address names it, the
//! language (`lang`), so that following a link inside a draft preview
//! (`?data=draft`), another dataset or a language given in the address stays
//! there. The language carried is the reader's current one: the links follow
//! the language menu (and the address does too, `ui::lang`).
//! Pure Rust, tested natively; the web side adds the public URL's base.

/// The query parameters every in-app link passes on from the current page.
pub const CARRIED: [&str; 3] = ["data", "source", "lang"];

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    Map,
    /// The map with a country's panel open.
    MapCountry(&'a str),
    Timeline,
    /// The timeline with an event selected.
    TimelineEvent(&'a str),
    Stories,
    Story(&'a str),
    Galleries,
    Gallery(&'a str),
    Case(&'a str),
    Member(&'a str),
    Campaigns,
    Campaign(&'a str),
    Preview,
}

impl Route<'_> {
    /// The path below the app's public URL, with the route's own query.
    pub fn path(self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Map => "/map".to_owned(),
            Route::MapCountry(code) => format!("/map?country={}", encode(code)),
            Route::Timeline => "/timeline".to_owned(),
            Route::TimelineEvent(id) => format!("/timeline?event={}", encode(id)),
            Route::Stories => "/stories".to_owned(),
            Route::Story(id) => format!("/stories/{}", encode(id)),
            Route::Galleries => "/galleries".to_owned(),
            Route::Gallery(id) => format!("/galleries/{}", encode(id)),
            Route::Case(id) => format!("/cases/{}", encode(id)),
            Route::Member(id) => format!("/members/{}", encode(id)),
            Route::Campaigns => "/campaigns".to_owned(),
            Route::Campaign(id) => format!("/campaigns/{}", encode(id)),
            Route::Preview => "/preview".to_owned(),
        }
    }
}

/// `path` (with its own query and hash, if any) with the [`CARRIED`]
/// parameters of the current page's query (`?a=b&…`, as `location.search`
/// gives it) added, unless the path sets them itself. A `lang` of the page
/// is carried as `lang` (the reader's language now, when known), so that a
/// link drawn before the reader picked another language does not take them
/// back to the first.
pub fn with_carried(path: &str, current_search: &str, lang: Option<&str>) -> String {
    let (before_hash, hash) = match path.split_once('#') {
        Some((before, hash)) => (before, Some(hash)),
        None => (path, None),
    };
    let own_keys: Vec<&str> = before_hash
        .split_once('?')
        .map(|(_, query)| query.split('&').map(key_of).collect())
        .unwrap_or_default();
    let carried: Vec<&str> = current_search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| {
            let key = key_of(pair);
            CARRIED.contains(&key) && !own_keys.contains(&key) && pair.len() > key.len() + 1
        })
        .collect();
    let mut out = before_hash.to_owned();
    for (i, pair) in carried.iter().enumerate() {
        let first = i == 0 && !before_hash.contains('?');
        out.push(if first { '?' } else { '&' });
        match lang {
            Some(code) if key_of(pair) == "lang" => {
                out.push_str("lang=");
                out.push_str(&encode(code));
            }
            _ => out.push_str(pair),
        }
    }
    if let Some(hash) = hash {
        out.push('#');
        out.push_str(hash);
    }
    out
}

fn key_of(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(key, _)| key)
}

/// An id or code as a path segment or query value: ids are `a-z 0-9 - _`,
/// but imported or hand-written data may hold anything.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_build_their_paths() {
        assert_eq!(Route::Home.path(), "/");
        assert_eq!(Route::Case("iryna-khalip").path(), "/cases/iryna-khalip");
        assert_eq!(Route::TimelineEvent("a b").path(), "/timeline?event=a%20b");
        assert_eq!(Route::MapCountry("BY").path(), "/map?country=BY");
        assert_eq!(Route::Story("ç/?").path(), "/stories/%C3%A7%2F%3F");
    }

    #[test]
    fn links_carry_the_data_and_language_of_the_page() {
        let here = "?data=draft&slide=3&lang=ar";
        assert_eq!(
            with_carried("/cases/x", here, None),
            "/cases/x?data=draft&lang=ar"
        );
        assert_eq!(
            with_carried("/timeline?event=e", here, None),
            "/timeline?event=e&data=draft&lang=ar"
        );
        assert_eq!(
            with_carried(
                "/map?country=BY#panel",
                "?source=https%3A%2F%2Fx.org%2Fa.json",
                Some("fr")
            ),
            "/map?country=BY&source=https%3A%2F%2Fx.org%2Fa.json#panel"
        );
        // The link's own choice wins; empty and unrelated parameters stay behind.
        assert_eq!(
            with_carried("/map?data=other", here, None),
            "/map?data=other&lang=ar"
        );
        assert_eq!(with_carried("/", "?data=&x=1&lang=", Some("es")), "/");
        assert_eq!(with_carried("/", "", None), "/");
        assert_eq!(with_carried("/stories", "?data", None), "/stories");
    }

    #[test]
    fn a_language_in_the_address_follows_the_readers_choice() {
        // The page was opened in French; the reader has since picked Arabic.
        assert_eq!(
            with_carried("/stories", "?lang=fr&data=d.json", Some("ar")),
            "/stories?lang=ar&data=d.json"
        );
        assert_eq!(
            with_carried("/map?lang=es", "?lang=fr", Some("ar")),
            "/map?lang=es",
            "the link's own language wins"
        );
        // No language in the address: none in the links (storage keeps it).
        assert_eq!(
            with_carried("/stories", "?data=d.json", Some("ar")),
            "/stories?data=d.json"
        );
    }
}
