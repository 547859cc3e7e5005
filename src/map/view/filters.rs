//! The map's filters: region, alliance, campaign, case status and years.

use leptos::prelude::*;

use super::MapCtx;
use super::filter_select::{Choice, FilterSelect};
use super::year_input::YearInput;
use crate::data::SharedData;
use crate::i18n::{Msg, case_status};
use crate::map::{
    Filters, REGIONS, STATUSES, menu_value, region_key, region_msg, status_key, year_value,
};
use crate::ui::lang::tr;

/// The region, alliance, campaign, status and year filters.
#[component]
pub(super) fn MapFilters(
    /// The loaded dataset (alliances and campaigns to choose from).
    data: SharedData,
) -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let value = move |get: fn(&Filters) -> Option<String>| {
        Signal::derive(move || ctx.view.with(|v| get(&v.filters)).unwrap_or_default())
    };
    let set = move |apply: fn(&mut Filters, String)| {
        Callback::new(move |value: String| ctx.view.update(|v| apply(&mut v.filters, value)))
    };
    let regions = REGIONS
        .into_iter()
        .map(|r| (region_key(r).to_owned(), Choice::Ui(region_msg(r))))
        .collect();
    let alliances = data
        .dataset
        .alliances
        .iter()
        .map(|a| {
            let name = a.menu_name();
            (a.id.clone(), Choice::Data(name.clone()))
        })
        .collect();
    let campaigns = data
        .dataset
        .campaigns
        .iter()
        .map(|c| (c.id.clone(), Choice::Data(c.name.clone())))
        .collect();
    let statuses = STATUSES
        .into_iter()
        .map(|s| (status_key(s).to_owned(), Choice::Ui(case_status(s))))
        .collect();
    view! {
        <fieldset class="map-filters">
            <legend>{tr(Msg::MapFilters)}</legend>
            <FilterSelect name="region" label=Msg::Region choices=regions
                value=value(|f| f.region.map(|r| region_key(r).to_owned()))
                on_change=set(|f, v| f.region = REGIONS.into_iter().find(|r| region_key(*r) == v))/>
            <FilterSelect name="alliance" label=Msg::MapAlliance choices=alliances
                value=value(|f| f.alliance.clone())
                on_change=set(|f, v| f.alliance = menu_value(v))/>
            <FilterSelect name="campaign" label=Msg::MapCampaign choices=campaigns
                value=value(|f| f.campaign.clone())
                on_change=set(|f, v| f.campaign = menu_value(v))/>
            <FilterSelect name="status" label=Msg::MapCaseStatus choices=statuses
                value=value(|f| f.status.map(|s| status_key(s).to_owned()))
                on_change=set(|f, v| f.status = STATUSES.into_iter().find(|s| status_key(*s) == v))/>
            <YearInput name="from" label=Msg::MapFromYear
                value=value(|f| f.from.map(|y| y.to_string()))
                on_change=set(|f, v| f.from = year_value(&v))/>
            <YearInput name="to" label=Msg::MapToYear
                value=value(|f| f.to.map(|y| y.to_string()))
                on_change=set(|f, v| f.to = year_value(&v))/>
            <button type="button" class="button" on:click=move |_| ctx.view.update(|v| v.filters = Filters::default())>
                {tr(Msg::MapClearFilters)}
            </button>
        </fieldset>
    }
    .into_any()
}
