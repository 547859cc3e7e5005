//! `/timeline`: case outcomes and campaign milestones in time order, grouped by
//! year. Each event element carries `data-event-id`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Msg;
use crate::timeline::{by_year, entries};
use crate::web::data::{SharedData, use_network_data};
use crate::web::lang::{tr, use_lang};
use crate::web::problems::ProblemList;
use crate::web::shell::{IllustrativeBadge, app_href};
use crate::web::state::with_data;
use crate::web::text::{RichText, localized};

#[component]
pub fn TimelinePage() -> impl IntoView {
    with_data(use_network_data(), |data| {
        view! {
            <section data-page="timeline">
                <h1>{tr(Msg::NavTimeline)}</h1>
                <TimelineList data=data.clone()/>
                <ProblemList problems=data.problems.clone()/>
            </section>
        }
    })
}

/// Every event of the dataset, year by year.
#[component]
pub fn TimelineList(
    /// The loaded dataset.
    data: SharedData,
) -> impl IntoView {
    let lang = use_lang();
    let all = entries(&data.dataset);
    let years: Vec<(i64, Vec<crate::timeline::TimelineEntry>)> = by_year(&all)
        .into_iter()
        .map(|(year, list)| (year, list.into_iter().cloned().collect()))
        .collect();
    view! {
        <div class="timeline-list">
            {years.into_iter().map(|(year, list)| {
                let heading_id = format!("year-{year}");
                let labelled_by = heading_id.clone();
                view! {
                    <section aria-labelledby=labelled_by>
                        <h2 id=heading_id>{year}</h2>
                        <ol class="events">
                            {list.into_iter().map(|entry| {
                                let event = entry.event;
                                let date = {
                                    let event = event.clone();
                                    move || event.date_label(lang.get().code())
                                };
                                let headline = localized(&event.headline);
                                let case_link = entry.case_id.and_then(|id| {
                                    let case = data.dataset.case(&id)?;
                                    let person = localized(&case.person);
                                    Some(view! { <p class="event-case"><A href=app_href(&format!("/cases/{id}"))>{person}</A></p> })
                                });
                                view! {
                                    <li data-event-id=event.id.clone() class="event">
                                        <p class="event-date">{date}</p>
                                        <h3 class="event-headline">{headline}" "<IllustrativeBadge illustrative=event.illustrative/></h3>
                                        <RichText text=event.text.clone()/>
                                        {case_link}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}
