//! `/cases/:id`, `/members/:id`, `/campaigns` and `/campaigns/:id`. The
//! parts other capabilities draw (a locator map, a gallery, a chart) come
//! from the app ([`RecordParts`]).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::charts::OutcomeTallies;
use crate::data::{SharedData, use_network_data};
use crate::i18n::{Msg, case_status, year};
use crate::model::{Campaign, Case, Member, Text};
use crate::route::Route;
use crate::share::{EmbedTitle, EmbedView};
use crate::ui::lang::{country_name, tr, use_intl, use_lang};
use crate::ui::links::{href, route_id};
use crate::ui::media::MediaView;
use crate::ui::record::{IllustrativeBadge, RecordNotFound};
use crate::ui::share::ViewActions;
use crate::ui::state::with_data;
use crate::ui::text::{RichText, external_or_local_link, localized, localized_opt};

/// A locator map from its country (ISO alpha-2), its place (lat, lon) when
/// known, and its label.
pub type LocatorPart = fn(String, Option<(f64, f64)>, Signal<String>) -> AnyView;

/// What a record page shows that other capabilities draw: the app, which
/// knows every view, passes them in.
#[derive(Clone, Copy)]
pub struct RecordParts {
    /// A locator map: the country (ISO alpha-2), the place (lat, lon) when
    /// known, and the place in words for its label (in the language the
    /// reader picks, as it changes).
    pub locator: LocatorPart,
    /// A gallery, by id, as a block of the page.
    pub gallery: fn(String) -> AnyView,
    /// The outcomes of a campaign's cases as a chart (`id`: its element id).
    pub outcomes: fn(OutcomeTallies, &'static str) -> AnyView,
}

/// The record's country and place as a locator map, with a link to the
/// country on the network map.
fn locator(
    parts: RecordParts,
    country: &str,
    place: Option<(f64, f64)>,
    place_name: Option<&Text>,
) -> impl IntoView + use<> {
    // The map's accessible name, in the language the reader picks.
    let country_text = country_name(country);
    let place_name = place_name.map(localized);
    let label = Signal::derive(move || {
        let country_text = country_text();
        match place_name.as_ref().map(|name| name()) {
            Some(name) if !name.is_empty() => format!("{name}, {country_text}"),
            _ => country_text,
        }
    });
    let on_map = href(Route::MapCountry(country));
    view! {
        <figure class="locator-figure">
            {(parts.locator)(country.to_owned(), place, label)}
            <figcaption><A href=on_map>{tr(Msg::ShowOnMap)}</A></figcaption>
        </figure>
    }
}

#[component]
pub fn CasePage(
    /// The parts other capabilities draw.
    parts: RecordParts,
) -> impl IntoView {
    let id = route_id();
    with_data(use_network_data(), move |data: SharedData| {
        let id = id();
        match data.dataset.case(&id) {
            Some(case) => {
                view! { <CaseView case=case.clone() data=data.clone() parts=parts/> }.into_any()
            }
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// One case: who, where, its status and its dated outcomes.
#[component]
fn CaseView(case: Case, data: SharedData, parts: RecordParts) -> impl IntoView {
    let lang = use_lang();
    let intl = use_intl();
    let campaigns: Vec<Campaign> = data.dataset.campaigns_of_case(&case).cloned().collect();
    let place = case.place.as_ref().and_then(|p| p.lat.zip(p.lon));
    let place_name = case.place.as_ref().and_then(|p| p.name.as_ref());
    // The case's embed is the timeline, opened at the case's first outcome.
    let first_outcome = case.outcomes.first().map(|e| e.id.clone());
    view! {
        <article class="case" data-case-id=case.id.clone()>
            <h1>{localized(&case.person)}" "<IllustrativeBadge illustrative=case.illustrative/></h1>
            <ViewActions view=EmbedView::Timeline start=first_outcome title=EmbedTitle::Data(case.person.clone())
                carried=&crate::timeline::VIEW_KEYS/>
            <dl class="facts">
                <dt>{tr(Msg::Profession)}</dt><dd>{localized_opt(case.profession.as_ref())}</dd>
                <dt>{tr(Msg::Country)}</dt><dd>{country_name(&case.country)}</dd>
                <dt>{tr(Msg::Status)}</dt><dd data-status=format!("{:?}", case.status)>{tr(case_status(case.status))}</dd>
            </dl>
            {locator(parts, &case.country, place, place_name)}
            {case.photo.clone().map(|m| view! { <MediaView media=m/> })}
            <RichText text=case.summary.clone()/>
            <h2>{tr(Msg::Outcomes)}</h2>
            <ol class="events">
                {case.outcomes.iter().map(|event| {
                    let date = { let event = event.clone(); move || event.date_label_in(&intl()) };
                    let on_timeline = href(Route::TimelineEvent(&event.id));
                    view! {
                        <li class="event" data-event-id=event.id.clone()>
                            <p class="event-date">{date}</p>
                            <h3>{localized(&event.headline)}" "<IllustrativeBadge illustrative=event.illustrative/></h3>
                            <RichText text=event.text.clone()/>
                            <p><A href=on_timeline attr:class="event-on-timeline">{tr(Msg::SeeOnTimeline)}</A></p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!campaigns.is_empty()).then(|| view! {
                <h2>{tr(Msg::Campaigns)}</h2>
                <ul>{campaigns.into_iter().map(|c| view! { <li><A href=href(Route::Campaign(&c.id))>{localized(&c.name)}</A></li> }).collect_view()}</ul>
            })}
            {case.gallery.clone().map(parts.gallery)}
            {(!case.sources.is_empty()).then(|| view! {
                <h2>{tr(Msg::Sources)}</h2>
                <ul>{case.sources.iter().map(|s| {
                    // The source's title in the reader's language, else its address.
                    let (title, url) = (s.title.clone(), s.url.clone());
                    let label = move || title.as_ref().map_or_else(|| url.clone(), |t| t.resolve(lang.get().code()).to_owned());
                    view! { <li>{external_or_local_link(s.url.clone(), label.into_any())}</li> }
                }).collect_view()}</ul>
            })}
        </article>
    }
}

#[component]
pub fn MemberPage(
    /// The parts other capabilities draw.
    parts: RecordParts,
) -> impl IntoView {
    let id = route_id();
    with_data(use_network_data(), move |data: SharedData| {
        let id = id();
        match data.dataset.member(&id) {
            Some(member) => {
                view! { <MemberView member=member.clone() data=data.clone() parts=parts/> }
                    .into_any()
            }
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// One member organisation and the cases it worked on.
#[component]
fn MemberView(member: Member, data: SharedData, parts: RecordParts) -> impl IntoView {
    let intl = use_intl();
    let cases: Vec<Case> = data.dataset.cases_of_member(&member.id).cloned().collect();
    // A country's centre stands in for missing coordinates: no dot for it.
    let place = member
        .coordinates
        .as_ref()
        .filter(|c| !c.from_country)
        .map(|c| (c.lat, c.lon));
    view! {
        <article class="member" data-member-id=member.id.clone()>
            <h1>{localized(&member.name)}" "<IllustrativeBadge illustrative=member.illustrative/></h1>
            <dl class="facts">
                <dt>{tr(Msg::Country)}</dt><dd>{country_name(&member.country)}</dd>
                {member.city.as_ref().map(|city| view! { <dt>{tr(Msg::City)}</dt><dd>{localized(city)}</dd> })}
                {member.joined.map(|joined| view! { <dt>{tr(Msg::Joined)}</dt><dd>{move || year(&intl(), joined.into())}</dd> })}
                {member.website.clone().map(|url| view! {
                    <dt>{tr(Msg::Website)}</dt>
                    <dd>{external_or_local_link(url.clone(), url.into_any())}</dd>
                })}
            </dl>
            {locator(parts, &member.country, place, member.city.as_ref())}
            <RichText text=member.description.clone()/>
            {(!cases.is_empty()).then(|| view! {
                <h2>{tr(Msg::Cases)}</h2>
                <ul>{cases.into_iter().map(|c| view! { <li><A href=href(Route::Case(&c.id))>{localized(&c.person)}</A></li> }).collect_view()}</ul>
            })}
        </article>
    }
}

#[component]
pub fn CampaignsIndex() -> impl IntoView {
    let intl = use_intl();
    with_data(use_network_data(), move |data| {
        view! {
            <section data-page="campaigns">
                <h1>{tr(Msg::Campaigns)}</h1>
                <ul class="cards">
                    {data.dataset.campaigns.iter().map(|c| { let name = localized(&c.name); view! {
                        <li class="card" data-campaign-id=c.id.clone()>
                            <div class="card-body">
                                <h2><A href=href(Route::Campaign(&c.id))>{name}</A></h2>
                                {c.period.map(|p| view! { <p class="campaign-period">{move || p.label_in(&intl())}</p> })}
                            </div>
                        </li>
                    }}).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
pub fn CampaignPage(
    /// The parts other capabilities draw.
    parts: RecordParts,
) -> impl IntoView {
    let id = route_id();
    with_data(use_network_data(), move |data: SharedData| {
        let id = id();
        match data.dataset.campaign(&id) {
            Some(campaign) => {
                view! { <CampaignView campaign=campaign.clone() data=data.clone() parts=parts/> }
                    .into_any()
            }
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// One campaign: its description, featured cases and results.
#[component]
fn CampaignView(campaign: Campaign, data: SharedData, parts: RecordParts) -> impl IntoView {
    let intl = use_intl();
    let person = |case_id: &str| data.dataset.case(case_id).map(|c| c.person.clone());
    view! {
        <article class="campaign" data-campaign-id=campaign.id.clone()>
            <h1>{localized(&campaign.name)}" "<IllustrativeBadge illustrative=campaign.illustrative/></h1>
            {campaign.period.map(|p| view! { <p class="campaign-period">{move || p.label_in(&intl())}</p> })}
            <RichText text=campaign.description.clone()/>
            {(!campaign.featured_cases.is_empty()).then(|| view! {
                <h2>{tr(Msg::Cases)}</h2>
                <ul>{campaign.featured_cases.iter().filter_map(|id| person(id).map(|p| view! {
                    <li><A href=href(Route::Case(id))>{localized(&p)}</A></li>
                })).collect_view()}</ul>
            })}
            {
                let tallies = OutcomeTallies::of(data.dataset.cases_of_campaign(&campaign.id));
                (!tallies.is_empty()).then(|| (parts.outcomes)(tallies, "campaign-results"))
            }
            {(!campaign.results.is_empty()).then(|| view! {
                <h2>{tr(Msg::Outcomes)}</h2>
                <ul>{campaign.results.iter().map(|r| view! {
                    <li data-result-case=r.case.clone()><RichText text=r.text.clone()/></li>
                }).collect_view()}</ul>
            })}
        </article>
    }
}
