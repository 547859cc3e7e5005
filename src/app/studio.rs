//! The studio (`/preview`): the preview page, given the published views to
//! draw the draft with (the preview capability knows none of them).

use leptos::prelude::*;

use crate::data::SharedData;
use crate::gallery::view::GalleryView;
use crate::map::view::MapExplorer;
use crate::story::view::StoryView;
use crate::timeline::view::Timeline;
use crate::ui::state::PageState;

/// The draft's data in every view it would be published in: the map when it
/// has members, the timeline when it has anything to show, each story and
/// each gallery.
pub fn draw_draft(data: SharedData) -> AnyView {
    let dataset = &data.dataset;
    view! {
        {(!dataset.members.is_empty()).then(|| view! { <MapExplorer data=data.clone() map_state=RwSignal::new(PageState::Loading)/> })}
        {dataset.has_timeline_records().then(|| view! { <Timeline data=data.clone()/> })}
        {dataset.stories.iter().cloned().map(|story| view! { <StoryView story=story preview=true basemap=dataset.basemap().cloned()/> }).collect_view()}
        {dataset.galleries.iter().cloned().map(|gallery| view! { <GalleryView gallery=gallery/> }).collect_view()}
    }
    .into_any()
}
