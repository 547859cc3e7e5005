//! Story maps: narrated slides that move the map. Pure logic here (tested
//! natively); the view is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::model::Story;

/// The slide a `?slide=` value names: a 1-based number or a slide id. Out of
/// range or unknown values give `None` (the caller starts at the first slide).
pub fn slide_index(story: &Story, wanted: &str) -> Option<usize> {
    let wanted = wanted.trim();
    if let Ok(number) = wanted.parse::<usize>() {
        return (1..=story.slides.len())
            .contains(&number)
            .then(|| number - 1);
    }
    story.slides.iter().position(|slide| slide.id == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

    fn story() -> Story {
        let json = r#"{"format": "mapline/1", "stories": [{"id": "s", "title": "S", "slides": [
            {"id": "intro", "type": "overview", "headline": "Intro"},
            {"id": "minsk", "headline": "Minsk", "place": {"country": "BY"}}]}]}"#;
        let loaded = load_dataset(&[SourceFile {
            name: "s.json".into(),
            text: json.into(),
        }]);
        loaded
            .dataset
            .stories
            .into_iter()
            .next()
            .expect("one story")
    }

    #[test]
    fn slides_are_named_by_number_or_id() {
        let story = story();
        assert_eq!(slide_index(&story, "1"), Some(0));
        assert_eq!(slide_index(&story, "2"), Some(1));
        assert_eq!(slide_index(&story, "minsk"), Some(1));
        assert_eq!(slide_index(&story, "0"), None);
        assert_eq!(slide_index(&story, "3"), None);
        assert_eq!(slide_index(&story, "nowhere"), None);
    }
}
