//! The locator map component (its geometry is `locator.rs`).

use leptos::prelude::*;

use crate::i18n::{Msg, fill};
use crate::map::locator::{DOT_RADIUS, HEIGHT, WIDTH, locate};
use crate::map::view::world_shapes;
use crate::ui::lang::use_lang;

/// A small picture of where a record is: its country shaded among its
/// neighbours and a dot for the place. Labelled for screen readers; the
/// page's facts say the same in text.
#[component]
pub fn LocatorMap(
    /// ISO 3166-1 alpha-2 code of the country.
    country: String,
    /// (lat, lon) of the place, when known.
    place: Option<(f64, f64)>,
    /// The place in words ("Mexico City, Mexico"), for the label, in the
    /// reader's language.
    label: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let shapes = world_shapes();
    let aria_label = move || {
        fill(
            Msg::LocatorLabel.text(lang.get()),
            &[("place", &label.get())],
        )
    };
    let drawing = move || {
        let loaded = shapes.get()?;
        Some(match loaded {
            Ok(shapes) => {
                let locator = locate(&shapes, &country, place)?;
                view! {
                    <svg class="locator" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=aria_label>
                        {locator.shapes.into_iter().map(|shape| view! {
                            <path d=shape.path class:locator-country=shape.highlighted></path>
                        }).collect_view()}
                        {locator.dot.map(|(x, y)| view! {
                            <circle class="locator-dot" cx=format!("{x:.0}") cy=format!("{y:.0}") r=DOT_RADIUS></circle>
                        })}
                    </svg>
                }
                .into_any()
            }
            Err(error) => {
                let error = error.to_string();
                view! {
                    <p class="muted locator-error">
                        {move || fill(Msg::LocatorUnavailable.text(lang.get()), &[("error", &error)])}
                    </p>
                }
                .into_any()
            }
        })
    };
    view! { <div class="locator-frame">{drawing}</div> }
}
