//! `/embed/...`: the views with minimal chrome for other sites' iframes, each
//! the root of its own entry point (and a route of the reader app). They show
//! the bundled dataset, the one named by `?data=`, or the document named by
//! `?source=`; `?theme=` sets the colours.

use leptos::prelude::*;

use crate::data::{SharedData, use_network_data};
use crate::gallery::view::GalleryView;
use crate::i18n::{Msg, fill};
use crate::map::view::{MapExplorer, map_loader};
use crate::model::Problem;
use crate::share::Theme;
use crate::story::view::StoryView;
use crate::timeline::view::Timeline;
use crate::ui::address::query_param;
use crate::ui::lang::{tr, use_lang};
use crate::ui::links::app_href;
use crate::ui::problems::ProblemList;
use crate::ui::state::with_data;

/// Applies `?theme=` to the document while the embed is shown.
fn apply_theme() {
    let theme = Theme::from_param(query_param("theme").as_deref());
    if let (Some(root), Some(value)) = (document().document_element(), theme.attribute()) {
        let _ = root.set_attribute("data-theme", value);
    }
}

/// The frame around every embed: a heading, the data's errors (what was left
/// out, such as a CSV file, which the embeds do not read) and a link back to
/// the full app. Warnings stay on the app's pages.
#[component]
fn EmbedFrame(
    /// The embed's kind, for `data-embed`.
    kind: &'static str,
    /// The heading (the dataset's or the document's title); none when the view
    /// has its own.
    title: Option<String>,
    /// The data shown, for its errors.
    data: SharedData,
    children: Children,
) -> impl IntoView {
    let errors: Vec<Problem> = data
        .problems
        .iter()
        .filter(|p| p.is_error())
        .cloned()
        .collect();
    apply_theme();
    let height = crate::share::height_param(query_param("height").as_deref())
        .map(|px| format!("height: {px}px; overflow: auto"));
    view! {
        <main class="embed" data-embed=kind id="main" style=height>
            {title.map(|title| view! { <h1 class="embed-title">{title}</h1> })}
            {children()}
            <ProblemList problems=errors/>
            <p class="embed-footer">
                <a href="./" target="_blank" rel="noopener">{tr(Msg::OpenInMapline)}</a>
            </p>
        </main>
    }
}

fn dataset_title(data: &SharedData) -> Option<String> {
    // The first view writes the same heading (publish::first_view).
    crate::publish::first_view::embed_title(&data.dataset, use_lang().get_untracked().code())
}

/// For an embed given data without what it shows (a story embed given a
/// TimelineJS3 file): what the data holds instead, as a heading or a
/// paragraph, and a link to the embed that shows it, on the same data. Data
/// that holds nothing any embed shows needs a source.
fn shown_elsewhere(data: &SharedData, this: &'static str, heading: bool) -> AnyView {
    let d = &data.dataset;
    let kinds = [
        (
            "timeline",
            d.has_timeline_records(),
            Msg::EmbedHoldsTimeline,
            Msg::EmbedTimeline,
        ),
        (
            "story",
            !d.stories.is_empty() || d.unread.stories > 0,
            Msg::EmbedHoldsStory,
            Msg::EmbedStory,
        ),
        (
            "gallery",
            !d.galleries.is_empty() || d.unread.galleries > 0,
            Msg::EmbedHoldsGallery,
            Msg::EmbedGallery,
        ),
        (
            "map",
            !d.members.is_empty(),
            Msg::EmbedHoldsMembers,
            Msg::EmbedMap,
        ),
    ];
    let Some((kind, _, holds, label)) = kinds
        .into_iter()
        .find(|(kind, holds, ..)| *kind != this && *holds)
    else {
        return view! { <h1>{tr(Msg::EmbedMissingSource)}</h1> }.into_any();
    };
    let lang = use_lang();
    let search = crate::ui::address::current_search();
    let href = app_href(&format!("/embed/{kind}{search}"));
    let link = move || {
        fill(
            Msg::EmbedShowIn.text(lang.get()),
            &[("view", label.text(lang.get()))],
        )
    };
    view! {
        <div class="embed-elsewhere" data-holds=kind>
            {if heading {
                view! { <h1>{tr(holds)}</h1> }.into_any()
            } else {
                view! { <p><strong>{tr(holds)}</strong></p> }.into_any()
            }}
            <p><a href=href>{link}</a></p>
        </div>
    }
    .into_any()
}

#[component]
pub fn EmbedTimeline() -> impl IntoView {
    with_data(use_network_data(), |data| {
        let has_events = data.dataset.has_timeline_records();
        view! {
            <EmbedFrame kind="timeline" title=dataset_title(&data) data=data.clone()>
                {if has_events {
                    view! { <Timeline data=data.clone() embed=true/> }.into_any()
                } else {
                    shown_elsewhere(&data, "timeline", false)
                }}
            </EmbedFrame>
        }
    })
}

#[component]
pub fn EmbedMap() -> impl IntoView {
    map_loader(|data, map_state| {
        view! {
            <EmbedFrame kind="map" title=dataset_title(&data) data=data.clone()><MapExplorer data=data.clone() map_state=map_state/></EmbedFrame>
        }
        .into_any()
    })
}

#[component]
pub fn EmbedStory() -> impl IntoView {
    with_data(use_network_data(), |data| {
        let story = query_param("id")
            .and_then(|id| data.dataset.story(&id).cloned())
            .or_else(|| data.dataset.stories.first().cloned());
        view! {
            <EmbedFrame kind="story" title=None data=data.clone()>
                {match story {
                    Some(story) => {
                        view! { <StoryView story=story basemap=data.dataset.basemap().cloned()/> }.into_any()
                    }
                    None => shown_elsewhere(&data, "story", true),
                }}
            </EmbedFrame>
        }
    })
}

#[component]
pub fn EmbedGallery() -> impl IntoView {
    with_data(use_network_data(), |data| {
        let gallery = query_param("id")
            .and_then(|id| data.dataset.gallery(&id).cloned())
            .or_else(|| data.dataset.galleries.first().cloned());
        view! {
            <EmbedFrame kind="gallery" title=None data=data.clone()>
                {match gallery {
                    Some(gallery) => view! { <GalleryView gallery=gallery/> }.into_any(),
                    None => shown_elsewhere(&data, "gallery", true),
                }}
            </EmbedFrame>
        }
    })
}
