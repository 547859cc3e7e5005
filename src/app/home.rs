//! The home page: the network at a glance, with counts from the loaded data and
//! a way into each view.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::Route;
use crate::ui::links::href;

use crate::charts::OutcomeTallies;
use crate::charts::view::OutcomesInfographic;
use crate::data::{SharedData, use_network_data};
use crate::i18n::{Msg, figure, home_lead};
use crate::ui::lang::{tr, use_intl};
use crate::ui::problems::ProblemList;
use crate::ui::state::with_data;
use crate::ui::text::{RichText, localized_opt};

#[component]
pub fn Home() -> impl IntoView {
    with_data(
        use_network_data(),
        |data| view! { <HomeContent data=data/> },
    )
}

#[component]
fn HomeContent(data: SharedData) -> impl IntoView {
    let intl = use_intl();
    let stats = data.dataset.stats();
    let tallies = OutcomeTallies::of(&data.dataset.cases);
    let title = localized_opt(
        data.dataset
            .manifest
            .as_ref()
            .and_then(|m| m.title.as_ref()),
    );
    let description = data
        .dataset
        .manifest
        .as_ref()
        .and_then(|m| m.description.clone());
    let lead = move || home_lead(&intl(), &stats);
    let figures = crate::i18n::stat_figures(&stats);
    view! {
        <section class="home" data-page="home">
            <h1>{title}</h1>
            <p class="lead">{lead}</p>
            <RichText text=description/>
            <h2>{tr(Msg::AtAGlance)}</h2>
            <ul class="stats">
                {figures
                    .into_iter()
                    .map(|(name, value, counted)| {
                        let figure = move || figure(&intl(), counted, value);
                        view! {
                            <li data-stat=name>
                                <span class="stat-value">{move || figure().0}</span>
                                " "
                                <span class="stat-label">{move || figure().1}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ul class="explore">
                <li><A href=href(Route::Map)>{tr(Msg::ExploreMap)}</A></li>
                <li><A href=href(Route::Timeline)>{tr(Msg::ExploreTimeline)}</A></li>
                <li><A href=href(Route::Stories)>{tr(Msg::ExploreStories)}</A></li>
                <li><A href=href(Route::Galleries)>{tr(Msg::ExploreGalleries)}</A></li>
            </ul>
            {(!tallies.is_empty()).then(|| view! { <OutcomesInfographic tallies=tallies.clone() id="home-results"/> })}
            <ProblemList problems=data.problems.clone()/>
        </section>
    }
}
