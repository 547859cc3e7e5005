//! `/map`: the countries of the network and their members. For now the list
//! alternative (the Leaflet map builds on it): every country row carries
//! `data-country`, every member `data-member-id`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Msg;
use crate::map::countries_with_members;
use crate::web::data::{SharedData, use_network_data};
use crate::web::lang::tr;
use crate::web::problems::ProblemList;
use crate::web::shell::{IllustrativeBadge, app_href};
use crate::web::state::with_data;
use crate::web::text::localized;

#[component]
pub fn MapPage() -> impl IntoView {
    with_data(use_network_data(), |data| {
        view! {
            <section data-page="map">
                <h1>{tr(Msg::NavMap)}</h1>
                <NetworkLists data=data.clone()/>
                <ProblemList problems=data.problems.clone()/>
            </section>
        }
    })
}

/// The countries with members, and every member, as tables.
#[component]
pub fn NetworkLists(
    /// The loaded dataset.
    data: SharedData,
) -> impl IntoView {
    let countries = countries_with_members(&data.dataset);
    let mut members: Vec<_> = data.dataset.members.clone();
    members.sort_by(|a, b| a.country.cmp(&b.country).then_with(|| a.id.cmp(&b.id)));
    view! {
        <h2 id="countries-heading">{tr(Msg::CountriesWithMembers)}" ("{countries.len()}")"</h2>
        <table class="data" aria-labelledby="countries-heading">
            <thead><tr><th scope="col">{tr(Msg::Country)}</th><th scope="col">{tr(Msg::Members)}</th><th scope="col">{tr(Msg::Cases)}</th></tr></thead>
            <tbody>
                {countries.into_iter().map(|c| view! {
                    <tr data-country=c.code.clone()>
                        <th scope="row">{c.name}</th>
                        <td>{c.members}</td>
                        <td>{c.cases}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <h2 id="members-heading">{tr(Msg::Members)}" ("{members.len()}")"</h2>
        <table class="data" aria-labelledby="members-heading">
            <thead><tr><th scope="col">{tr(Msg::Member)}</th><th scope="col">{tr(Msg::Country)}</th><th scope="col">{tr(Msg::City)}</th></tr></thead>
            <tbody>
                {members.into_iter().map(|m| {
                    let name = localized(&m.name);
                    let city = m.city.as_ref().map(localized);
                    let country = crate::countries::by_code(&m.country).map_or(m.country.clone(), |c| c.name.to_owned());
                    view! {
                        <tr data-member-id=m.id.clone()>
                            <th scope="row"><A href=app_href(&format!("/members/{}", m.id))>{name}</A>" "<IllustrativeBadge illustrative=m.illustrative/></th>
                            <td>{country}</td>
                            <td>{city}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
