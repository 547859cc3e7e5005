//! Staff preview of a draft (`crate::draft`): files picked, dropped or pasted,
//! checked and shown as they would be published. Nothing leaves the browser.
//! Pure logic here (tested natively); the views are in `view/`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::i18n::Msg;
use crate::model::Dataset;
use crate::route::Route;
use crate::share::encode_query_value;

/// Links that open the draft's data (`?data=draft`) in each view it would be
/// published in, as (address, label): the map when it has members, the
/// timeline and its embed when it has anything to show, each story and its
/// embed, each gallery.
pub fn draft_views(dataset: &Dataset) -> Vec<(String, Msg)> {
    let on_draft = |route: Route| format!("{}?data=draft", route.path());
    let mut links: Vec<(String, Msg)> = Vec::new();
    if !dataset.members.is_empty() {
        links.push((on_draft(Route::Map), Msg::NavMap));
    }
    if dataset.has_timeline_records() {
        links.push((on_draft(Route::Timeline), Msg::NavTimeline));
        links.push(("/embed/timeline?data=draft".into(), Msg::EmbedTimeline));
    }
    for story in &dataset.stories {
        links.push((on_draft(Route::Story(&story.id)), Msg::NavStories));
        links.push((
            format!(
                "/embed/story?data=draft&id={}",
                encode_query_value(&story.id)
            ),
            Msg::EmbedStory,
        ));
    }
    for gallery in &dataset.galleries {
        links.push((on_draft(Route::Gallery(&gallery.id)), Msg::NavGalleries));
    }
    links
}

/// The selection (in UTF-16 code units, as a textarea counts) from a 1-based
/// line and column to the end of that line; the end of the text when the line
/// is past it.
pub fn selection_at(text: &str, line: u32, column: u32) -> (u32, u32) {
    let mut offset: u32 = 0;
    for (index, content) in text.split('\n').enumerate() {
        let this_line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line_units = content.encode_utf16().count() as u32;
        if this_line == line {
            let column_units: u32 = content
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(|c| c.len_utf16() as u32)
                .sum();
            let start = offset + column_units.min(line_units);
            let end = (offset + line_units).max(start);
            return (start, end);
        }
        offset += line_units + 1;
    }
    let end = text.encode_utf16().count() as u32;
    (end, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

    fn dataset(json: &str) -> Dataset {
        load_dataset(&[SourceFile {
            name: "draft.json".into(),
            text: json.into(),
        }])
        .dataset
    }

    #[test]
    fn the_draft_opens_in_each_view_it_has_records_for() {
        let views = |json: &str| -> Vec<(String, Msg)> { draft_views(&dataset(json)) };
        assert!(views(r#"{"format": "mapline/1"}"#).is_empty());
        assert_eq!(
            views(
                r#"{"format": "mapline/1",
                "members": [{"id": "a", "name": "A", "country": "BY", "region": "europe-central-asia"}],
                "stories": [{"id": "s 1", "title": "S", "slides": [{"id": "x", "headline": "X"}]}],
                "galleries": [{"id": "g", "title": "G", "cover": "p", "photos": [
                  {"id": "p", "url": "p.jpg", "width": 800, "height": 600, "alt": "A photo"}]}]}"#
            ),
            [
                ("/map?data=draft".to_owned(), Msg::NavMap),
                ("/stories/s%201?data=draft".to_owned(), Msg::NavStories),
                (
                    "/embed/story?data=draft&id=s%201".to_owned(),
                    Msg::EmbedStory
                ),
                ("/galleries/g?data=draft".to_owned(), Msg::NavGalleries),
            ]
        );
        let cases = views(
            r#"{"format": "mapline/1",
            "cases": [{"id": "k", "person": "K", "country": "BY", "status": "open"}]}"#,
        );
        assert_eq!(
            cases,
            [
                ("/timeline?data=draft".to_owned(), Msg::NavTimeline),
                ("/embed/timeline?data=draft".to_owned(), Msg::EmbedTimeline),
            ]
        );
    }

    #[test]
    fn selections_count_utf16_units_like_a_textarea() {
        let text = "{\n  \"name\": \"Ré😀\",\n  \"x\": 1\n}";
        // Line 2, column 3 starts at the quote before "name".
        assert_eq!(selection_at(text, 2, 3), (4, 19));
        // The emoji is two UTF-16 units: line 3 starts after it.
        assert_eq!(selection_at(text, 3, 1), (20, 28));
        assert_eq!(selection_at(text, 99, 1), (30, 30), "past the end: the end");
    }
}
