//! `/map` (and `/embed/map`): the member countries on a Leaflet map, with the
//! same countries and members as sortable lists (the keyboard and screen-reader
//! alternative), filters, a country panel, and the view kept in the URL.
//!
//! Countries are SVG paths tagged `data-country` (shaded) so tests can count
//! them; member markers are clustered in Rust (`cluster.rs`) and drawn on a
//! canvas. `data-state` turns `ready` only once the map and its layers exist.
//! One component per file: the explorer, its filters (and their fields), the
//! legend, the country panel and the two lists; the state they share is
//! [`MapCtx`].

mod country_list;
mod country_panel;
mod explorer;
mod filter_select;
mod filters;
mod legend;
mod member_list;
mod year_input;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use self::explorer::MapExplorer;
use crate::data::{SharedData, use_network_data};
use crate::geo::basemap::Scale;
use crate::geo::topojson::Shape;
use crate::i18n::Msg;
use crate::map::basemap_layer;
use crate::map::{MapView, Selection, VIEW_KEYS};
use crate::share::{EmbedTitle, EmbedView};
use crate::ui::address::{query_pairs, replace_owned_query};
use crate::ui::lang::tr;
use crate::ui::problems::ProblemList;
use crate::ui::share::ViewActions;
use crate::ui::state::{LoadError, PageState, with_data_until};

/// Runs `f` as an effect. Every effect of the map goes through this one
/// instantiation of `Effect::new`, which keeps the wasm smaller.
fn effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

#[component]
pub fn MapPage() -> impl IntoView {
    view! {
        <section data-page="map" class="map-page">
            <h1>{tr(Msg::NavMap)}</h1>
            <ViewActions view=EmbedView::Map title=EmbedTitle::Ui(Msg::MapLabel) carried=&VIEW_KEYS/>
            {map_loader(|data, map_state| view! {
                <MapExplorer data=data.clone() map_state=map_state/>
                <ProblemList problems=data.problems.clone()/>
            }.into_any())}
        </section>
    }
}

/// The network data with the route `ready` only when the map says so
/// (`map_state`), so tests never see "ready" before the layers exist.
pub fn map_loader(
    render: impl Fn(SharedData, RwSignal<PageState>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let map_state = RwSignal::new(PageState::Loading);
    with_data_until(use_network_data(), Some(map_state), move |data| {
        render(data, map_state)
    })
}

/// The world's country shapes, decoded once per page load.
type WorldShapes = Option<Result<Arc<Vec<Shape>>, LoadError>>;

/// The 1:110m country shapes, the same decoded copy as the basemap's.
async fn load_shapes() -> Result<Arc<Vec<Shape>>, LoadError> {
    basemap_layer::load(Scale::Small).await
}

/// A signal that receives the country shapes once loaded (or the error).
pub(crate) fn world_shapes() -> RwSignal<WorldShapes> {
    let shapes: RwSignal<WorldShapes> = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let loaded = load_shapes().await;
        // The view may be gone by now: then there is nothing to set.
        let _ = shapes.try_set(Some(loaded));
    });
    shapes
}

/// The view in the page's query string.
fn read_url_view() -> MapView {
    let pairs = query_pairs();
    // The first value of each key the map owns.
    MapView::from_pairs(VIEW_KEYS.iter().filter_map(|key| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }))
}

/// Writes the view into the query string (replacing the history entry), keeping
/// the parameters the map does not own (`data`, `lang`, …).
fn write_url_view(view: &MapView) {
    replace_owned_query(&VIEW_KEYS, &view.to_pairs());
}

/// Focuses an element if it is an `HtmlElement` still in the document.
fn focus(element: &web_sys::Element) {
    if element.is_connected()
        && let Some(el) = element.dyn_ref::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}

/// Shared state of one map view, provided as context to its parts.
#[derive(Clone, Copy)]
struct MapCtx {
    view: RwSignal<MapView>,
    selection: Memo<Selection>,
    /// The country last pointed at or focused (map or list), until it is left.
    hovered: RwSignal<Option<String>>,
    /// What had focus when the panel opened (focus returns there on close).
    opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl MapCtx {
    fn open(self, code: String) {
        let active = document().active_element();
        self.opener.set_value(active);
        self.view.update(|v| v.country = Some(code));
    }

    /// Highlights `code` (entering) or stops highlighting it (leaving): leaving
    /// one country never clears another entered since.
    fn hover(self, code: &str, entering: bool) {
        if entering {
            self.hovered.set(Some(code.to_owned()));
        } else if self.hovered.with_untracked(|h| h.as_deref() == Some(code)) {
            self.hovered.set(None);
        }
    }

    fn close(self) {
        let Some(code) = self.view.with_untracked(|v| v.country.clone()) else {
            return;
        };
        self.view.update(|v| v.country = None);
        let opener = self.opener.with_value(Clone::clone);
        let row_button = document()
            .query_selector(&format!("tr[data-country=\"{code}\"] button"))
            .ok()
            .flatten();
        match opener
            .filter(|o| o.is_connected() && o.closest(".map-panel").ok().flatten().is_none())
        {
            Some(opener) => focus(&opener),
            None => {
                if let Some(button) = row_button {
                    focus(&button);
                }
            }
        }
    }
}
