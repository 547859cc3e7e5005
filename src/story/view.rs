//! `/stories` and `/stories/:id`. For now the slides read as a page (the map and
//! the two layouts build on it): every slide element carries `data-slide-id`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Msg, fill};
use crate::model::{SlideType, Story};
use crate::web::data::{SharedData, use_network_data};
use crate::web::lang::{tr, use_lang};
use crate::web::media::MediaView;
use crate::web::problems::ProblemList;
use crate::web::shell::{IllustrativeBadge, RecordNotFound, app_href, route_id};
use crate::web::state::with_data;
use crate::web::text::{RichText, localized, localized_opt};

#[component]
pub fn StoriesIndex() -> impl IntoView {
    with_data(use_network_data(), |data| {
        let lang = use_lang();
        view! {
            <section data-page="stories">
                <h1>{tr(Msg::NavStories)}</h1>
                <ul class="cards">
                    {data.dataset.stories.iter().map(|story| {
                        let count = story.slides.len().to_string();
                        let title = localized(&story.title);
                        view! {
                            <li class="card" data-story-id=story.id.clone()>
                                {story.cover.clone().map(|cover| view! { <MediaView media=cover/> })}
                                <div class="card-body">
                                    <h2><A href=app_href(&format!("/stories/{}", story.id))>{title}</A></h2>
                                    <RichText text=story.summary.clone()/>
                                    <p class="muted">{move || fill(Msg::Slides.text(lang.get()), &[("count", &count)])}</p>
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
            Some(story) => view! { <StoryView story=story.clone()/> }.into_any(),
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// A story's slides, one after another.
#[component]
pub fn StoryView(
    /// The story to show.
    story: Story,
) -> impl IntoView {
    view! {
        <article class="story" data-story-id=story.id.clone()>
            <h1>{localized(&story.title)}" "<IllustrativeBadge illustrative=story.illustrative/></h1>
            <RichText text=story.summary.clone()/>
            <ol class="slides">
                {story.slides.into_iter().map(|slide| {
                    let kind = match slide.slide_type { SlideType::Overview => "overview", SlideType::Slide => "slide" };
                    view! {
                        <li class="slide" data-slide-id=slide.id.clone() data-slide-type=kind>
                            <h2>{localized_opt(slide.headline.as_ref())}</h2>
                            {slide.date.map(|d| view! { <p class="slide-date">{d.label()}</p> })}
                            <RichText text=slide.text.clone()/>
                            {slide.media.map(|m| view! { <MediaView media=m/> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </article>
    }
}
