//! `/stories` and `/stories/:id` (and the story embed): slides beside a map
//! that follows them. Every slide element carries `data-slide-id`, the current
//! one `aria-current="true"`; all stay in the DOM (the slide layout hides the
//! others).
//! One component per file: the story (`story_view.rs`) and its map
//! (`story_map.rs`); the index and the story's page here.

mod image_consent;
mod slides;
mod story_map;
mod story_view;
mod tiles;

use leptos::prelude::*;
use leptos_router::components::A;

pub use self::story_view::StoryView;
use crate::data::{SharedData, use_network_data};
use crate::i18n::{Counted, Msg};
use crate::route::Route;
use crate::ui::lang::{tr, tr_count};
use crate::ui::links::{href, route_id};
use crate::ui::media::MediaView;
use crate::ui::problems::ProblemList;
use crate::ui::record::RecordNotFound;
use crate::ui::state::with_data;
use crate::ui::text::{RichText, localized};

#[component]
pub fn StoriesIndex() -> impl IntoView {
    with_data(use_network_data(), |data| {
        view! {
            <section data-page="stories">
                <h1>{tr(Msg::NavStories)}</h1>
                <ul class="cards">
                    {data.dataset.stories.iter().map(|story| {
                        let count = tr_count(Counted::Slides, story.slides.len());
                        let title = localized(&story.title);
                        view! {
                            <li class="card" data-story-id=story.id.clone()>
                                {story.cover.clone().map(|cover| view! { <MediaView media=cover/> })}
                                <div class="card-body">
                                    <h2><A href=href(Route::Story(&story.id))>{title}</A></h2>
                                    <RichText text=story.summary.clone()/>
                                    <p class="muted">{count}</p>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ProblemList problems=data.problems.clone()/>
            </section>
        }
    })
}

#[component]
pub fn StoryPage() -> impl IntoView {
    let id = route_id();
    with_data(use_network_data(), move |data: SharedData| {
        let id = id();
        match data.dataset.story(&id) {
            // The data's problems too, as on every page that shows data: a
            // slide left out says why.
            Some(story) => view! {
                <StoryView story=story.clone() actions=story_view::story_actions
                    basemap=data.dataset.basemap().cloned()/>
                <ProblemList problems=data.problems.clone()/>
            }
            .into_any(),
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// Runs `f` as an effect (one instantiation of `Effect::new` for the view).
fn effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}
