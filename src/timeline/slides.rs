//! The timeline's slides: a title slide, then one per event in time order,
//! read one at a time above the axis. Which layout a timeline opens in, the
//! slide a move leads to (buttons, keys, swipes; mirrored right to left), and
//! the title slide's content. Pure, tested natively; the view is
//! `view/slide.rs`.

use crate::model::{Dataset, Media, Text};

/// How a timeline is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineLayout {
    /// The current slide above the axis (TimelineJS3's way; embeds and
    /// imported documents open so).
    Slides,
    /// The axis alone, details in a panel (the network's own timeline of
    /// hundreds of outcomes, where the overview matters more).
    Axis,
}

impl TimelineLayout {
    /// `?layout=` when it names one; else slides for an embed or a timeline
    /// document (TimelineJS3's), the axis for the network's own data.
    pub fn initial(param: Option<&str>, embed: bool, dataset: &Dataset) -> TimelineLayout {
        match param.map(str::trim) {
            Some("slides") => TimelineLayout::Slides,
            Some("axis") => TimelineLayout::Axis,
            _ => Self::default_for(embed, dataset),
        }
    }

    /// The layout a timeline opens in without `?layout=`.
    pub fn default_for(embed: bool, dataset: &Dataset) -> TimelineLayout {
        let documents_only = !dataset.timelines.is_empty()
            && dataset.cases.is_empty()
            && dataset.campaigns.is_empty();
        if embed || documents_only {
            TimelineLayout::Slides
        } else {
            TimelineLayout::Axis
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TimelineLayout::Slides => "slides",
            TimelineLayout::Axis => "axis",
        }
    }
}

/// A move between slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideMove {
    Previous,
    Next,
    First,
    Last,
}

/// The move of a key on a slide: the arrows go forward towards the reading
/// direction's end (ArrowLeft is Next right to left), Home and End to the ends.
pub fn slide_key(key: &str, rtl: bool) -> Option<SlideMove> {
    let (right, left) = if rtl {
        (SlideMove::Previous, SlideMove::Next)
    } else {
        (SlideMove::Next, SlideMove::Previous)
    };
    match key {
        "ArrowRight" => Some(right),
        "ArrowLeft" => Some(left),
        "Home" => Some(SlideMove::First),
        "End" => Some(SlideMove::Last),
        _ => None,
    }
}

/// The key that makes `step` on a slide ([`slide_key`]'s inverse): the
/// timeline embed's first view replays the reader's early moves with it.
pub fn key_for(step: SlideMove, rtl: bool) -> &'static str {
    match (step, rtl) {
        (SlideMove::Next, false) | (SlideMove::Previous, true) => "ArrowRight",
        (SlideMove::Previous, false) | (SlideMove::Next, true) => "ArrowLeft",
        (SlideMove::First, _) => "Home",
        (SlideMove::Last, _) => "End",
    }
}

/// The selection after `step` from `current` among `count` events: `None` is
/// the title slide when there is one (`has_title`). Stops at the ends.
pub fn step_slide(
    current: Option<usize>,
    step: SlideMove,
    count: usize,
    has_title: bool,
) -> Option<usize> {
    let last = count.checked_sub(1)?;
    let first = if has_title { None } else { Some(0) };
    let current = current.map(|i| i.min(last));
    match (step, current) {
        (SlideMove::First, _) => first,
        (SlideMove::Last, _) => Some(last),
        (SlideMove::Next, None) => Some(0),
        (SlideMove::Next, Some(i)) => Some((i + 1).min(last)),
        (SlideMove::Previous, None) | (SlideMove::Previous, Some(0)) => first,
        (SlideMove::Previous, Some(i)) => Some(i - 1),
    }
}

/// The slides before and after `current`, for the buttons' descriptions:
/// `Some(None)` is the title slide, `None` no slide (an end).
pub fn neighbours(
    current: Option<usize>,
    count: usize,
    has_title: bool,
) -> (Option<Option<usize>>, Option<Option<usize>>) {
    let step = |m| step_slide(current, m, count, has_title);
    let previous = step(SlideMove::Previous);
    let next = step(SlideMove::Next);
    let current = if count == 0 { None } else { current };
    (
        (previous != current).then_some(previous),
        (next != current).then_some(next),
    )
}

/// The 1-based position of the selection among the slides, and their number.
pub fn position(current: Option<usize>, count: usize, has_title: bool) -> (usize, usize) {
    let offset = usize::from(has_title);
    let total = count + offset;
    let at = current.map_or(1, |i| i.min(count.saturating_sub(1)) + 1 + offset);
    (at.min(total.max(1)), total)
}

/// What the title slide shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleSlide {
    pub headline: Text,
    pub text: Option<Text>,
    pub media: Option<Media>,
}

/// The title slide: a lone timeline document's title, text and media
/// (TimelineJS3's title slide); else the dataset's title and description;
/// else the first timeline's. `None` when nothing has a title.
pub fn title_slide(dataset: &Dataset) -> Option<TitleSlide> {
    let document = || {
        dataset.timelines.first().map(|t| TitleSlide {
            headline: t.title.clone(),
            text: t.text.clone(),
            media: t.media.clone(),
        })
    };
    if dataset.timelines.len() == 1 && dataset.cases.is_empty() && dataset.campaigns.is_empty() {
        return document();
    }
    dataset
        .manifest
        .as_ref()
        .and_then(|m| {
            Some(TitleSlide {
                headline: m.title.clone()?,
                text: m.description.clone(),
                media: None,
            })
        })
        .or_else(document)
        .filter(|t| !t.headline.resolve("en").trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_for_is_slide_keys_inverse() {
        for rtl in [false, true] {
            for step in [
                SlideMove::Previous,
                SlideMove::Next,
                SlideMove::First,
                SlideMove::Last,
            ] {
                assert_eq!(
                    slide_key(key_for(step, rtl), rtl),
                    Some(step),
                    "{step:?} rtl={rtl}"
                );
            }
        }
    }
    use crate::import::load_any;
    use crate::model::SourceFile;

    #[test]
    fn steps_go_through_the_title_then_every_event_and_stop_at_the_ends() {
        use SlideMove::*;
        // With a title slide: None, 0, 1, 2.
        assert_eq!(step_slide(None, Next, 3, true), Some(0));
        assert_eq!(step_slide(Some(0), Next, 3, true), Some(1));
        assert_eq!(step_slide(Some(2), Next, 3, true), Some(2));
        assert_eq!(step_slide(Some(0), Previous, 3, true), None);
        assert_eq!(step_slide(None, Previous, 3, true), None);
        assert_eq!(step_slide(Some(1), First, 3, true), None);
        assert_eq!(step_slide(None, Last, 3, true), Some(2));
        // Without: the first event is the first slide.
        assert_eq!(step_slide(Some(0), Previous, 3, false), Some(0));
        assert_eq!(step_slide(Some(2), First, 3, false), Some(0));
        // Nothing to show, and a stale index, panic on nothing.
        assert_eq!(step_slide(Some(5), Next, 0, true), None);
        assert_eq!(step_slide(Some(9), Previous, 3, true), Some(1));
        // Walking Next from the start visits every slide once.
        let mut at = None;
        let mut seen = vec![at];
        loop {
            let next = step_slide(at, Next, 41, true);
            if next == at {
                break;
            }
            at = next;
            seen.push(at);
        }
        assert_eq!(seen.len(), 42);
    }

    #[test]
    fn arrows_follow_the_reading_direction() {
        assert_eq!(slide_key("ArrowRight", false), Some(SlideMove::Next));
        assert_eq!(slide_key("ArrowLeft", false), Some(SlideMove::Previous));
        // Arabic: the next slide is to the left.
        assert_eq!(slide_key("ArrowLeft", true), Some(SlideMove::Next));
        assert_eq!(slide_key("ArrowRight", true), Some(SlideMove::Previous));
        assert_eq!(slide_key("Home", true), Some(SlideMove::First));
        assert_eq!(slide_key("End", false), Some(SlideMove::Last));
        assert_eq!(slide_key("a", false), None);
    }

    #[test]
    fn neighbours_and_positions() {
        assert_eq!(neighbours(None, 3, true), (None, Some(Some(0))));
        assert_eq!(neighbours(Some(0), 3, true), (Some(None), Some(Some(1))));
        assert_eq!(neighbours(Some(2), 3, true), (Some(Some(1)), None));
        assert_eq!(neighbours(Some(0), 1, false), (None, None));
        assert_eq!(neighbours(None, 0, true), (None, None));
        assert_eq!(position(None, 3, true), (1, 4));
        assert_eq!(position(Some(2), 3, true), (4, 4));
        assert_eq!(position(Some(0), 3, false), (1, 3));
        assert_eq!(
            position(None, 0, false),
            (1, 0),
            "never shown: no events, no slides"
        );
    }

    #[test]
    fn layouts_and_title_slides() {
        let load = |json: &str| load_any(&[SourceFile::new("t.json", json)]).dataset;
        let document = load(
            r#"{"title": {"text": {"headline": "Whitney", "text": "<p>A life</p>"},
                 "media": {"url": "https://example.org/w.jpg"}},
                "events": [{"start_date": {"year": "1963"}, "text": {"headline": "Born"}}]}"#,
        );
        let title = title_slide(&document).expect("a TimelineJS3 title is the title slide");
        assert_eq!(title.headline.resolve("en"), "Whitney");
        assert!(title.text.is_some() && title.media.is_some());
        assert_eq!(
            TimelineLayout::initial(None, false, &document),
            TimelineLayout::Slides
        );
        let own = load(
            r#"{"format": "mapline/1", "cases": [{"id": "k", "person": "K", "country": "BY",
                "status": "open", "outcomes": [{"id": "o", "date": "2011", "headline": "H"}]}]}"#,
        );
        assert_eq!(
            TimelineLayout::initial(None, false, &own),
            TimelineLayout::Axis
        );
        assert_eq!(
            TimelineLayout::initial(None, true, &own),
            TimelineLayout::Slides
        );
        assert_eq!(
            TimelineLayout::initial(Some("slides"), false, &own),
            TimelineLayout::Slides
        );
        assert_eq!(
            TimelineLayout::initial(Some("axis"), true, &document),
            TimelineLayout::Axis
        );
        assert_eq!(
            TimelineLayout::initial(Some("bogus"), true, &own),
            TimelineLayout::Slides
        );
        assert_eq!(title_slide(&own), None, "no title anywhere: no title slide");
    }
}
