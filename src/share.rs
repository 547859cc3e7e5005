//! What a page shares: its address ([`share_url`]) and the embed of its view
//! ([`EmbedOptions`]: the embed code generator's options, URL and snippet),
//! with the embed URL's parameters the embeds read back ([`Theme`],
//! [`height_param`]). Pure, tested natively; the Share and Embed buttons
//! that use it are `ui::share`, the embeds themselves `app::embeds`.

use crate::i18n::{Lang, Msg};
use crate::model::Text;

/// The colour theme an embedder asks for with `?theme=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    /// Unknown values fall back to `Auto` rather than failing the embed.
    pub fn from_param(value: Option<&str>) -> Theme {
        match value.map(str::trim) {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some("contrast") => Theme::Contrast,
            _ => Theme::Auto,
        }
    }

    /// The value of `data-theme` on the document, if any.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Contrast => Some("contrast"),
        }
    }
}

/// The embed's own height from `?height=` (pixels, 120 to 5000); anything
/// else leaves the height to the content.
pub fn height_param(value: Option<&str>) -> Option<u32> {
    let pixels: u32 = value?.trim().trim_end_matches("px").parse().ok()?;
    (120..=5000).contains(&pixels).then_some(pixels)
}

/// Which view an embed shows: its route is `embed/<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedView {
    Timeline,
    Story,
    Map,
    Gallery,
}

impl EmbedView {
    pub fn name(self) -> &'static str {
        match self {
            EmbedView::Timeline => "timeline",
            EmbedView::Story => "story",
            EmbedView::Map => "map",
            EmbedView::Gallery => "gallery",
        }
    }

    /// The page parameter that names the reader's current event, slide or
    /// photo (the views keep it in step with what is shown); none for the map.
    fn current_key(self) -> Option<&'static str> {
        match self {
            EmbedView::Timeline => Some("event"),
            EmbedView::Story => Some("slide"),
            EmbedView::Gallery => Some("photo"),
            EmbedView::Map => None,
        }
    }

    /// Whether the embed can start at the last event or slide (`start_at=end`).
    pub fn has_end(self) -> bool {
        matches!(self, EmbedView::Timeline | EmbedView::Story)
    }

    /// Whether the embed has a start to choose at all.
    pub fn has_start(self) -> bool {
        self.current_key().is_some()
    }
}

/// The embed's title (the iframe's `title`), resolved in the embed's language.
#[derive(Clone, Debug, PartialEq)]
pub enum EmbedTitle {
    /// An interface text ("Timeline of events").
    Ui(Msg),
    /// A record's title from the data.
    Data(Text),
}

impl EmbedTitle {
    pub fn resolve(&self, lang: Lang) -> String {
        match self {
            EmbedTitle::Ui(msg) => msg.text(lang).to_owned(),
            EmbedTitle::Data(text) => text.resolve(lang.code()).to_owned(),
        }
    }
}

/// Where the embed opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The view's own start (no parameter).
    First,
    /// An event, slide or photo id.
    Current(String),
    /// The last event or slide.
    End,
}

impl Start {
    /// The value of the generator's start field: empty, an id, or `end`.
    pub fn field_value(&self) -> &str {
        match self {
            Start::First => "",
            Start::Current(id) => id,
            Start::End => "end",
        }
    }

    fn from_field(value: &str) -> Start {
        match value {
            "" => Start::First,
            "end" => Start::End,
            id => Start::Current(id.to_owned()),
        }
    }
}

/// Everything the embed code generator lets an embedder choose, plus what it
/// carries over from the page it was opened on.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    pub view: EmbedView,
    /// The story or gallery shown (`id=`).
    pub id: Option<String>,
    /// The page's `?source=` (one document), kept as given.
    pub source: Option<String>,
    /// The page's `?data=` (a manifest), kept as given.
    pub data: Option<String>,
    pub start: Start,
    pub lang: Lang,
    pub theme: Theme,
    /// 100% of the article's width, rather than `width`.
    pub responsive: bool,
    /// Pixels, when not responsive.
    pub width: u32,
    /// Pixels (see [`height_param`] for the range the embed accepts).
    pub height: u32,
    /// The page parameters carried as they are (`carried_keys` of [`EmbedOptions::from_page`]).
    pub carried: Vec<(String, String)>,
}

/// The height the generator starts with.
pub const DEFAULT_HEIGHT: u32 = 600;
/// The fixed width it offers first.
pub const DEFAULT_WIDTH: u32 = 640;

impl EmbedOptions {
    /// The options for the page the reader is on: its data, its current item
    /// (the start) and the view's own parameters (the keys in `carried_keys`: the
    /// map's view and filters, the timeline's lanes) from the page's query
    /// `pairs` (decoded); responsive width, the default height, automatic theme.
    pub fn from_page<'a>(
        view: EmbedView,
        id: Option<String>,
        lang: Lang,
        carried_keys: &[&str],
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> EmbedOptions {
        let mut options = EmbedOptions {
            view,
            id,
            source: None,
            data: None,
            start: Start::First,
            lang,
            theme: Theme::Auto,
            responsive: true,
            width: DEFAULT_WIDTH,
            height: DEFAULT_HEIGHT,
            carried: Vec::new(),
        };
        for (key, value) in pairs {
            if value.is_empty() {
                continue;
            }
            match key {
                "source" => options.source = Some(value.to_owned()),
                "data" => options.data = Some(value.to_owned()),
                _ if Some(key) == view.current_key() => {
                    options.start = Start::Current(value.to_owned());
                }
                _ if carried_keys.contains(&key) => {
                    options.carried.push((key.to_owned(), value.to_owned()));
                }
                _ => {}
            }
        }
        options
    }

    /// Applies one field of the generator's form, by its name
    /// (`data-embed-option`) and value (a checkbox's is `true` or `false`).
    /// Sizes out of range are ignored: the snippet keeps the last valid one.
    pub fn set(&mut self, field: &str, value: &str) {
        match field {
            "responsive" => self.responsive = value == "true",
            "width" => {
                if let Some(px) = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|px| (100..=4000).contains(px))
                {
                    self.width = px;
                }
            }
            "height" => self.height = height_param(Some(value)).unwrap_or(self.height),
            "theme" => self.theme = Theme::from_param(Some(value)),
            "lang" => self.lang = Lang::from_tag(value).unwrap_or(self.lang),
            "start" => self.start = Start::from_field(value),
            // The timeline's layout: slides (the embed's default, left out) or the axis alone.
            "layout" if self.view == EmbedView::Timeline => {
                self.carried.retain(|(k, _)| k != "layout");
                if value == "axis" {
                    self.carried.push(("layout".to_owned(), "axis".to_owned()));
                }
            }
            _ => {}
        }
    }

    /// The timeline's layout the embed asks for: `slides` unless `layout=axis`.
    pub fn layout(&self) -> &str {
        self.carried
            .iter()
            .find(|(k, _)| k == "layout")
            .map_or("slides", |(_, v)| v.as_str())
    }

    /// The iframe's `width` attribute.
    pub fn width_attribute(&self) -> String {
        if self.responsive {
            "100%".to_owned()
        } else {
            self.width.to_string()
        }
    }

    /// The query pairs of the embed URL, in a stable order.
    fn query(&self) -> Vec<(&str, &str)> {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(source) = &self.source {
            pairs.push(("source", source));
        }
        if let Some(data) = &self.data {
            pairs.push(("data", data));
        }
        if let Some(id) = &self.id {
            pairs.push(("id", id));
        }
        // The gallery opens a photo with ?photo=; the others start with ?start_at=.
        let start_key = match self.view {
            EmbedView::Gallery => "photo",
            _ => "start_at",
        };
        match &self.start {
            Start::First => {}
            Start::Current(id) => pairs.push((start_key, id)),
            Start::End if self.view.has_end() => pairs.push((start_key, "end")),
            Start::End => {}
        }
        pairs.extend(self.carried.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        pairs.push(("lang", self.lang.code()));
        if let Some(theme) = self.theme.attribute() {
            pairs.push(("theme", theme));
        }
        pairs
    }

    /// The embed's absolute URL. `base` is the deployment's public URL, absolute
    /// and ending in `/` (the document's base URI: the app may live in a subfolder).
    pub fn url(&self, base: &str) -> String {
        let mut url = format!("{}embed/{}", with_slash(base), self.view.name());
        let height = self.height.to_string();
        let mut query = self.query();
        query.push(("height", &height));
        for (i, (key, value)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(key);
            url.push('=');
            url.push_str(&encode_query_value(value));
        }
        url
    }

    /// The HTML to paste into an article: the iframe and the host script that
    /// sizes it (`embed.js` handles every `iframe[data-mapline]`).
    pub fn snippet(&self, base: &str, title: &str) -> String {
        format!(
            "<iframe data-mapline src=\"{src}\" title=\"{title}\" width=\"{width}\" height=\"{height}\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups\" loading=\"lazy\" \
             style=\"border:0;max-width:100%\"></iframe>\n\
             <script src=\"{script}\" defer></script>",
            src = escape_attribute(&self.url(base)),
            title = escape_attribute(title),
            width = self.width_attribute(),
            height = self.height,
            script = escape_attribute(&format!("{}embed.js", with_slash(base))),
        )
    }
}

fn with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    }
}

/// Percent-encodes a query value: everything but unreserved characters and
/// `/ : @ ,` (kept for readable URLs, which is valid in a query).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:@,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The address to share for a page: its address without the fragment and
/// without `lang` (the recipient reads in their own language); everything else
/// (the data, the view's state) stays, so the link shows what the reader sees.
pub fn share_url(href: &str) -> String {
    let without_hash = href.split('#').next().unwrap_or(href);
    let Some((path, query)) = without_hash.split_once('?') else {
        return without_hash.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or(pair);
            !pair.is_empty() && key != "lang"
        })
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn height_parameter() {
        use super::height_param;
        assert_eq!(height_param(Some("600")), Some(600));
        assert_eq!(height_param(Some("480px")), Some(480));
        assert_eq!(height_param(Some("10")), None);
        assert_eq!(height_param(Some("99999")), None);
        assert_eq!(height_param(Some("tall")), None);
        assert_eq!(height_param(None), None);
    }

    use super::*;

    #[test]
    fn theme_parameter() {
        assert_eq!(Theme::from_param(Some("dark")), Theme::Dark);
        assert_eq!(Theme::from_param(Some("contrast")), Theme::Contrast);
        assert_eq!(Theme::from_param(Some(" light ")), Theme::Light);
        assert_eq!(Theme::from_param(Some("neon")), Theme::Auto);
        assert_eq!(Theme::from_param(None), Theme::Auto);
        assert_eq!(Theme::Auto.attribute(), None);
        assert_eq!(Theme::Contrast.attribute(), Some("contrast"));
    }

    fn timeline_options(pairs: &[(&str, &str)]) -> EmbedOptions {
        EmbedOptions::from_page(
            EmbedView::Timeline,
            None,
            Lang::En,
            &["group", "layout"],
            pairs.iter().copied(),
        )
    }

    #[test]
    fn page_options_take_data_current_item_and_view_parameters() {
        let options = timeline_options(&[
            ("data", "other/manifest.json"),
            ("event", "e-42"),
            ("group", "country"),
            ("lat", "10"),
            ("lang", "fr"),
        ]);
        assert_eq!(options.data.as_deref(), Some("other/manifest.json"));
        assert_eq!(options.start, Start::Current("e-42".into()));
        // The map's keys mean nothing to the timeline; lang is the dialog's own choice.
        assert_eq!(options.carried, vec![("group".into(), "country".into())]);
        assert!(options.responsive);
        assert_eq!(options.height, DEFAULT_HEIGHT);
        assert_eq!(timeline_options(&[("event", "")]).start, Start::First);

        let map = EmbedOptions::from_page(
            EmbedView::Map,
            None,
            Lang::Ar,
            &["lat", "z", "region"],
            [
                ("lat", "1.5"),
                ("z", "3"),
                ("event", "x"),
                ("region", "africa"),
            ],
        );
        assert_eq!(map.start, Start::First, "the map has no current item");
        assert_eq!(map.carried.len(), 3);
    }

    #[test]
    fn embed_url_is_absolute_under_the_public_url_and_encoded() {
        let mut options = timeline_options(&[("event", "a b&c"), ("group", "case")]);
        options.theme = Theme::Dark;
        options.height = 480;
        assert_eq!(
            options.url("https://example.org/mapline/"),
            "https://example.org/mapline/embed/timeline?start_at=a%20b%26c&group=case&lang=en&theme=dark&height=480"
        );
        // A base without its trailing slash still names the folder.
        options.start = Start::End;
        options.theme = Theme::Auto;
        options.lang = Lang::Es;
        options.source = Some("https://example.org/t.json?x=1".into());
        assert_eq!(
            options.url("http://127.0.0.1:8080"),
            "http://127.0.0.1:8080/embed/timeline?source=https://example.org/t.json%3Fx%3D1&start_at=end&group=case&lang=es&height=480"
        );
        options.start = Start::First;
        assert!(!options.url("/").contains("start_at"));
    }

    #[test]
    fn each_view_starts_its_own_way() {
        let mut gallery = EmbedOptions::from_page(
            EmbedView::Gallery,
            Some("protest".into()),
            Lang::Fr,
            &[],
            [("photo", "p3")],
        );
        assert_eq!(
            gallery.url("https://x.org/"),
            "https://x.org/embed/gallery?id=protest&photo=p3&lang=fr&height=600"
        );
        gallery.start = Start::End;
        assert!(
            !gallery.url("https://x.org/").contains("end"),
            "a gallery has no end"
        );
        let story = EmbedOptions::from_page(
            EmbedView::Story,
            Some("impunity".into()),
            Lang::En,
            &[],
            [("slide", "s2")],
        );
        assert!(
            story
                .url("https://x.org/")
                .contains("?id=impunity&start_at=s2&")
        );
        assert!(EmbedView::Story.has_end() && !EmbedView::Map.has_start());
    }

    #[test]
    fn snippet_is_the_framed_embed_and_the_host_script_with_escaped_attributes() {
        let mut options = timeline_options(&[("event", "e1"), ("group", "kind")]);
        options.set("responsive", "false");
        options.set("width", "720");
        let snippet = options.snippet(
            "https://example.org/sub/",
            r#"Cases "2012" <b>&</b> 'more'"#,
        );
        assert_eq!(
            snippet,
            "<iframe data-mapline src=\"https://example.org/sub/embed/timeline?start_at=e1&amp;group=kind&amp;lang=en&amp;height=600\" \
             title=\"Cases &quot;2012&quot; &lt;b&gt;&amp;&lt;/b&gt; &#39;more&#39;\" width=\"720\" height=\"600\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>\n\
             <script src=\"https://example.org/sub/embed.js\" defer></script>"
        );
        options.set("responsive", "true");
        assert!(
            options
                .snippet("https://e.org/", "t")
                .contains(" width=\"100%\" ")
        );
    }

    #[test]
    fn form_fields_set_options_and_bad_sizes_keep_the_last_valid_one() {
        let mut options = timeline_options(&[("event", "e1")]);
        for (field, value) in [
            ("theme", "contrast"),
            ("lang", "ar"),
            ("height", "450"),
            ("width", "800"),
            ("responsive", "false"),
            ("start", "end"),
            ("unknown", "x"),
        ] {
            options.set(field, value);
        }
        assert_eq!(options.theme, Theme::Contrast);
        assert_eq!(options.lang, Lang::Ar);
        assert_eq!((options.width, options.height), (800, 450));
        assert_eq!(options.width_attribute(), "800");
        assert_eq!(options.start, Start::End);
        for (field, value) in [
            ("height", "12"),
            ("height", ""),
            ("width", "99999"),
            ("width", "-3"),
            ("lang", "de"),
        ] {
            options.set(field, value);
        }
        assert_eq!(
            (options.width, options.height, options.lang),
            (800, 450, Lang::Ar)
        );
        options.set("start", "e1");
        assert_eq!(options.start, Start::Current("e1".into()));
        assert_eq!(options.start.field_value(), "e1");
        options.set("start", "");
        assert_eq!(options.start, Start::First);
    }

    #[test]
    fn query_values_are_percent_encoded_except_readable_url_characters() {
        assert_eq!(
            encode_query_value("https://a.org/x,y@z"),
            "https://a.org/x,y@z"
        );
        assert_eq!(encode_query_value("a+b=c#d?e%"), "a%2Bb%3Dc%23d%3Fe%25");
        assert_eq!(encode_query_value("é"), "%C3%A9");
        assert_eq!(escape_attribute("\"<'&>"), "&quot;&lt;&#39;&amp;&gt;");
    }

    #[test]
    fn share_url_drops_the_fragment_and_the_language() {
        assert_eq!(
            share_url("https://x.org/m/cases/c1?lang=fr#top"),
            "https://x.org/m/cases/c1"
        );
        assert_eq!(
            share_url("https://x.org/map?data=d.json&lang=ar&z=3&language=x"),
            "https://x.org/map?data=d.json&z=3&language=x"
        );
        assert_eq!(
            share_url("https://x.org/timeline"),
            "https://x.org/timeline"
        );
    }

    #[test]
    fn the_timeline_embed_offers_slides_or_the_axis() {
        let mut options = timeline_options(&[("layout", "axis"), ("group", "case")]);
        assert_eq!(options.layout(), "axis");
        assert!(options.url("/").contains("layout=axis&group=case&"));
        options.set("layout", "slides");
        assert_eq!(options.layout(), "slides");
        assert!(
            !options.url("/").contains("layout="),
            "slides is the embed's default"
        );
        options.set("layout", "axis");
        options.set("layout", "axis");
        assert_eq!(options.url("/").matches("layout=axis").count(), 1);
        // Other views have no layout to choose.
        let mut story =
            EmbedOptions::from_page(EmbedView::Story, Some("s".into()), Lang::En, &[], []);
        story.set("layout", "axis");
        assert!(!story.url("/").contains("layout"));
    }
}
