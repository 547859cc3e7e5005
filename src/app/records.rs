//! The record pages' parts that other capabilities draw, put together here
//! (the pages capability knows none of their views).

use leptos::prelude::*;

use crate::charts::OutcomeTallies;
use crate::charts::view::OutcomesInfographic;
use crate::gallery::view::GalleryBlock;
use crate::map::locator_view::LocatorMap;
use crate::pages::view::RecordParts;

/// The locator map, the gallery block and the outcomes chart.
pub const RECORD_PARTS: RecordParts = RecordParts {
    locator,
    gallery,
    outcomes,
};

fn locator(country: String, place: Option<(f64, f64)>, label: Signal<String>) -> AnyView {
    view! { <LocatorMap country=country place=place label=label/> }.into_any()
}

fn gallery(id: String) -> AnyView {
    view! { <GalleryBlock gallery=id/> }.into_any()
}

fn outcomes(tallies: OutcomeTallies, id: &'static str) -> AnyView {
    view! { <OutcomesInfographic tallies=tallies id=id/> }.into_any()
}
