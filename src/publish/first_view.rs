//! The timeline embed's first view: its title slide as the app renders it
//! (`timeline::view::slide`, same elements, classes and attributes), written
//! as HTML by the embed's small main module from the document it was given,
//! while the app's own module (Leptos and the timeline's views, most of the
//! embed's bytes) is still downloading. The app then renders beside it and
//! takes its place like a published page's (`app::take_over`), so the reader
//! reads the title slide about a second sooner on a phone and nothing moves.
//!
//! The headline carries `elementtiming`, so the embed knows when the slide
//! is on screen (`app::first_view`). Only the slide: the axis or the list
//! below it come with the app. Next is there and takes the reader's presses
//! (and the slide the arrow keys), which the app carries out once it runs;
//! the media's "Load from" button waits, disabled.

use super::html::text;
use super::pages::{Ctx, media_view_before_app};
use crate::i18n::{Locale, Msg, fill, nth_of};
use crate::model::Dataset;
use crate::timeline::slides::{TimelineLayout, position, title_slide};

/// Whether the first view draws for an address with these query
/// parameters: unless the app opens on an event (`event`, `start_at`, as the
/// embed code generator writes for "start at this event") or on the
/// studio's draft (`data=draft`, `data::DRAFT_DATA`, the app's to open).
/// The layout is [`timeline_embed`]'s to judge; the others (`height`,
/// `theme`, `lang`, `group`, which changes only the axis, or any unknown
/// one) change nothing the first view shows, or are applied by it. Empty
/// values count as absent, as `ui::address::query_param` reads them.
pub fn drawn_for(pairs: &[(String, String)]) -> bool {
    !pairs.iter().any(|(key, value)| {
        !value.is_empty()
            && match key.as_str() {
                "event" | "start_at" => true,
                "data" => value == "draft",
                _ => false,
            }
    })
}

/// Where a first view is drawn: what the address and the window say.
#[derive(Clone, Copy, Debug, Default)]
pub struct Frame<'a> {
    /// The public URL's path without its trailing slash (`/sub`, or empty).
    pub base: &'a str,
    /// The host the page is served from (media there is the page's own).
    pub own_host: Option<&'a str>,
    /// The address's `layout=`.
    pub layout: Option<&'a str>,
    /// The window is narrower than [`crate::timeline::NARROW_PX`] (the app
    /// lists the events instead of drawing the axis).
    pub narrow: bool,
    /// The address's `height=`, read by `share::height_param` (the frame's
    /// height in pixels, as the app's embed frame sets it).
    pub height: Option<u32>,
}

/// The embed's heading as `app::embeds` gives it: the dataset's title, else
/// the lone document's; none rather than an empty one.
pub fn embed_title(dataset: &Dataset, lang: &str) -> Option<String> {
    dataset
        .manifest
        .as_ref()
        .and_then(|m| m.title.as_ref())
        .or_else(|| dataset.timelines.first().map(|t| &t.title))
        .or_else(|| dataset.stories.first().map(|s| &s.title))
        .map(|title| title.resolve(lang).to_owned())
        .filter(|title| !title.trim().is_empty())
}

/// The first view of `/embed/timeline` for this dataset: `<main>` with the
/// heading and the title slide, in `locale`'s language, for `frame`. `None`
/// when the app would not open on a title slide (the axis layout, no title,
/// no events): the app's own render is then the first.
pub fn timeline_embed(dataset: &Dataset, locale: &dyn Locale, frame: &Frame) -> Option<String> {
    if !dataset.has_timeline_records()
        || TimelineLayout::initial(frame.layout, true, dataset) != TimelineLayout::Slides
    {
        return None;
    }
    let title = title_slide(dataset)?;
    let entries = crate::timeline::entries(dataset);
    let count = entries.len();
    // The title slide is first: Next leads to the first event.
    let next_headline = entries
        .first()
        .and_then(|entry| entry.of(dataset))?
        .event
        .headline
        .resolve(locale.lang().code())
        .to_owned();
    let lang = locale.lang();
    let ctx = Ctx {
        dataset,
        lang,
        base: frame.base.to_owned(),
        site_title: String::new(),
        world: &[],
        own_host: frame.own_host.map(str::to_owned),
    };
    let heading = embed_title(dataset, lang.code())
        .map(|t| format!("<h1 class=\"embed-title\">{}</h1>", text(&t)))
        .unwrap_or_default();
    let media = title
        .media
        .as_ref()
        .map(|m| {
            format!(
                "<div class=\"tl-slide-media\">{}</div>",
                media_view_before_app(&ctx, m)
            )
        })
        .unwrap_or_default();
    let (at, total) = position(None, count, true);
    let (back, forward) = if lang.is_rtl() {
        ("→", "←")
    } else {
        ("←", "→")
    };
    // As the app's embed frame sets it (the Content-Security-Policy allows
    // inline styles).
    let style = frame
        .height
        .map(|px| format!(" style=\"height: {px}px; overflow: auto\""))
        .unwrap_or_default();
    Some(format!(
        "<main class=\"embed\" data-embed=\"timeline\" id=\"main\"{style}>{heading}\
         <div class=\"timeline\" data-layout=\"{}\" data-timeline-layout=\"slides\"><div class=\"tl-slides\">\
         <section class=\"tl-slide\" data-timeline-slide=\"\" role=\"region\" aria-roledescription=\"slide\" \
         aria-labelledby=\"tl-slide-heading\" tabindex=\"0\" data-slide=\"title\">\
         <div class=\"tl-slide-body\"><div class=\"tl-slide-text\"><h2 id=\"tl-slide-heading\" elementtiming=\"first-view\">{}</h2>{}</div>{media}</div></section>\
         <div class=\"tl-slide-nav\">\
         <button class=\"button\" type=\"button\" data-timeline-slide-previous=\"\" aria-describedby=\"tl-slide-previous-is\" disabled><span aria-hidden=\"true\">{back}</span> {}</button>\
         <span class=\"tl-slide-counter\" data-timeline-slide-counter=\"\">{}</span>\
         <button class=\"button\" type=\"button\" data-timeline-slide-next=\"\" aria-describedby=\"tl-slide-next-is\">{} <span aria-hidden=\"true\">{forward}</span></button>\
         <span id=\"tl-slide-previous-is\" class=\"visually-hidden\"></span><span id=\"tl-slide-next-is\" class=\"visually-hidden\">{}</span>\
         </div></div></div></main>",
        if frame.narrow { "list" } else { "axis" },
        text(title.headline.resolve(lang.code())),
        ctx.rich(title.text.as_ref()),
        text(Msg::PreviousSlide.text(lang)),
        text(&nth_of(locale, Msg::SlideOf, at, total)),
        text(Msg::NextSlide.text(lang)),
        text(&fill(
            Msg::SlideNextIs.text(lang),
            &[("title", &next_headline)]
        )),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::English;
    use crate::model::SourceFile;

    fn anchor(name: &str) -> Dataset {
        let path = format!(
            "{}/../shared/fixtures/anchors/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("the shared anchors are beside the repo");
        crate::import::load_any(&[SourceFile::new(name.to_owned(), text)]).dataset
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn draws_for_what_the_embed_generator_writes() {
        assert!(drawn_for(&[]));
        let generated = crate::share::EmbedOptions::from_page(
            crate::share::EmbedView::Timeline,
            None,
            crate::i18n::Lang::Ar,
            &["group", "layout"],
            [("source", "a.json"), ("group", "country")],
        );
        let url = generated.url("https://example.org/");
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let generated: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert!(generated.iter().any(|(k, _)| k == "height"), "{url}");
        assert!(drawn_for(&generated), "{url}");
        assert!(drawn_for(&pairs(&[
            ("source", "a.json"),
            ("group", "country"),
            ("utm_source", "x"),
            ("start_at", ""),
        ])));
        assert!(drawn_for(&pairs(&[
            ("data", "other/manifest.json"),
            ("layout", "axis")
        ])));
    }

    #[test]
    fn leaves_to_the_app_what_opens_elsewhere() {
        for list in [
            &[("source", "a.json"), ("event", "e1")][..],
            &[("start_at", "end")],
            &[("data", "draft")],
        ] {
            assert!(!drawn_for(&pairs(list)), "{list:?}");
        }
    }

    #[test]
    fn a_timelinejs3_document_opens_on_its_title_slide() {
        let dataset = anchor("TimelineJS3-all-media-types.json");
        let html = timeline_embed(
            &dataset,
            &English,
            &Frame {
                narrow: true,
                ..Frame::default()
            },
        )
        .expect("a title slide");
        assert!(html.starts_with("<main class=\"embed\" data-embed=\"timeline\" id=\"main\"><h1 class=\"embed-title\">TimelineJS Media Types</h1>"));
        assert!(html.contains("data-layout=\"list\" data-timeline-layout=\"slides\""));
        assert!(html.contains("<h2 id=\"tl-slide-heading\" elementtiming=\"first-view\">TimelineJS Media Types</h2><div class=\"rich-text\"><p>TimelineJS supports many media types."));
        // Its media is on another host: a notice, nothing fetched.
        assert!(html.contains("<div class=\"tl-slide-media\"><figure class=\"media\"><div class=\"external-media\" data-provider=\"germuska.com\">"));
        assert!(!html.contains("<img"));
        assert!(html.contains(
            "<button class=\"button\" type=\"button\" disabled>Load from germuska.com</button>"
        ));
        // The title slide and one per event: the app's counter.
        let events = crate::timeline::entries(&dataset).len();
        assert!(html.contains(&format!(
            "data-timeline-slide-counter=\"\">1 of {}</span>",
            events + 1
        )));
        // Previous has nowhere to go; the media waits for the app; Next
        // takes presses, described by the first event's headline.
        assert_eq!(html.matches(" disabled>").count(), 2);
        assert!(html.contains("aria-describedby=\"tl-slide-next-is\">Next <span"));
        assert!(html.contains(
            "<span id=\"tl-slide-next-is\" class=\"visually-hidden\">Next: YouTube Videos</span>"
        ));
    }

    #[test]
    fn the_first_view_is_in_the_readers_language_and_direction() {
        struct Arabic;
        impl Locale for Arabic {
            fn lang(&self) -> crate::i18n::Lang {
                crate::i18n::Lang::Ar
            }
            fn number(&self, n: f64) -> String {
                format!("#{n}")
            }
            fn compact(&self, n: f64) -> String {
                self.number(n)
            }
            fn plural(&self, _: f64) -> crate::i18n::Plural {
                crate::i18n::Plural::Other
            }
            fn date(&self, _: &crate::i18n::DateParts) -> String {
                String::new()
            }
        }
        let dataset = anchor("TimelineJS3-all-media-types.json");
        let html = timeline_embed(&dataset, &Arabic, &Frame::default()).expect("a title slide");
        assert!(html.contains("data-layout=\"axis\""));
        assert!(html.contains("<span aria-hidden=\"true\">→</span> السابقة</button>"));
        assert!(html.contains("التالية <span aria-hidden=\"true\">←</span></button>"));
        // Numbers go through the locale (Arabic digits in the browser).
        assert!(html.contains(">#1 من #"));
    }

    #[test]
    fn no_first_view_where_the_app_opens_on_something_else() {
        let dataset = anchor("TimelineJS3-all-media-types.json");
        let axis = Frame {
            layout: Some("axis"),
            ..Frame::default()
        };
        assert_eq!(timeline_embed(&dataset, &English, &axis), None);
        assert_eq!(
            timeline_embed(&Dataset::default(), &English, &Frame::default()),
            None
        );
    }

    #[test]
    fn the_frame_height_and_own_media_as_the_app_has_them() {
        let mut dataset = anchor("TimelineJS3-all-media-types.json");
        let frame = Frame {
            height: Some(600),
            own_host: Some("www.germuska.com"),
            ..Frame::default()
        };
        let html = timeline_embed(&dataset, &English, &frame).expect("a title slide");
        assert!(html.starts_with("<main class=\"embed\" data-embed=\"timeline\" id=\"main\" style=\"height: 600px; overflow: auto\">"));
        // Media on the page's own host is drawn, not held behind a notice.
        assert!(!html.contains("external-media"));
        if let Some(timeline) = dataset.timelines.first_mut() {
            timeline.media = None;
        }
        let html = timeline_embed(&dataset, &English, &Frame::default()).expect("a title slide");
        assert!(!html.contains("tl-slide-media"));
    }

    #[test]
    fn data_text_is_escaped() {
        let mut dataset = anchor("TimelineJS3-all-media-types.json");
        if let Some(timeline) = dataset.timelines.first_mut() {
            timeline.title = crate::model::text::Text::from("<img src=x onerror=alert(1)>");
        }
        let html = timeline_embed(&dataset, &English, &Frame::default()).expect("a title slide");
        assert!(!html.contains("<img src=x"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
}
