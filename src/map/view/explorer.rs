//! The map explorer: the Leaflet map with its countries and member markers,
//! and around it the filters, legend, country panel and lists.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::country_list::CountryList;
use super::country_panel::CountryPanel;
use super::filters::MapFilters;
use super::legend::Legend;
use super::member_list::MemberList;
use super::{MapCtx, effect, read_url_view, world_shapes, write_url_view};
use crate::data::SharedData;
use crate::geo::cluster::{Bounds, Cluster, cluster};
use crate::i18n::{Msg, fill};
use crate::map::{code_of_numeric, member_points, select, start_view};
use crate::ui::lang::{tr, use_lang};
use crate::ui::leaflet::{
    BasemapCredit, CountryGeometry, CountryStyle, LeafletMap, MapLoadError, Viewport, load_leaflet,
    with_map,
};
use crate::ui::state::PageState;

/// How long the view rests before the address follows it.
const ADDRESS_DELAY: Duration = Duration::from_millis(250);

/// The map, its filters, legend, country panel and lists, for one dataset.
#[component]
pub fn MapExplorer(
    /// The loaded dataset.
    data: SharedData,
    /// Set to `Ready` once the map and its layers are drawn, `Error` when the
    /// map or the shapes failed (the lists still render).
    map_state: RwSignal<PageState>,
) -> impl IntoView {
    let view_state = RwSignal::new(read_url_view());
    let selected = Memo::new(move |_| view_state.with(|v| v.country.clone()));
    // Only the filters decide the selection: a pan or zoom recomputes neither
    // it nor the member points (10,000 members would cost every moveend).
    let filters = Memo::new(move |_| view_state.with(|v| v.filters.clone()));
    let selection = {
        let data = data.clone();
        Memo::new(move |_| filters.with(|f| select(&data.dataset, f)))
    };
    let points = {
        let data = data.clone();
        Memo::new(move |_| selection.with(|s| Arc::new(member_points(&data.dataset, &s.members))))
    };
    let ctx = MapCtx {
        view: view_state,
        selection,
        hovered: RwSignal::new(None),
        opener: StoredValue::new_local(None),
    };
    provide_context(ctx);

    // The URL follows the view.
    effect(Box::new(move || view_state.with(write_url_view)));

    let map_ref = NodeRef::<leptos::html::Div>::new();
    let leaflet: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
    let map_ready = RwSignal::new(false);
    // Bumped after each redraw of the countries (highlights are re-applied).
    let drawn = RwSignal::new(0u32);
    let view_box: RwSignal<Option<(Bounds, f64)>> = RwSignal::new(None);
    let address_timer: StoredValue<Option<TimeoutHandle>, LocalStorage> =
        StoredValue::new_local(None);
    let lang = use_lang();
    let basemap_slot = crate::map::basemap_layer::following(lang);
    let markers_drawn = RwSignal::new(false);
    // Ready once the map, its countries and its markers are drawn.
    effect(Box::new(move || {
        if drawn.get() > 0 && markers_drawn.get() {
            map_state.set(PageState::Ready);
        }
    }));
    let map_error: RwSignal<Option<String>> = RwSignal::new(None);
    // The network's own vector basemap, if the manifest names one, and why
    // it could not be drawn (the bundled one stands in).
    let basemap = data.dataset.basemap().cloned();
    let basemap_failure: RwSignal<Option<String>> = RwSignal::new(None);
    let shapes = world_shapes();

    // Leaflet loads on first need (index.html does not load it), again on
    // "Try again" after a failure.
    let leaflet_loaded = RwSignal::new(false);
    let load = move || {
        leptos::task::spawn_local(async move {
            match load_leaflet().await {
                Ok(()) => {
                    let _ = leaflet_loaded.try_set(true);
                }
                Err(message) => {
                    let _ = map_error.try_set(Some(message));
                    let _ = map_state.try_set(PageState::Error);
                }
            }
        });
    };
    load();
    let retry_load = Callback::new(move |()| {
        map_error.set(None);
        map_state.set(PageState::Loading);
        load();
    });

    // Create the map once its element is mounted and Leaflet has loaded.
    let archive = basemap.clone();
    effect(Box::new(move || {
        let Some(element) = map_ref.get() else {
            return;
        };
        if !leaflet_loaded.get() {
            return;
        }
        if leaflet.with_value(Option::is_some) {
            return;
        }
        let narrow = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 600.0);
        let (lat, lon, zoom) = view_state.with_untracked(|v| start_view(v, narrow));
        let viewport = Viewport { lat, lon, zoom };
        match LeafletMap::new(&element, viewport) {
            Ok(mut map) => {
                map.on_move_end(move |viewport, bounds| {
                    view_box.set(Some((bounds, viewport.zoom)));
                    // The address follows once the view rests: writing it
                    // (history.replaceState, several ms) stays out of the
                    // frame that ends a zoom, and a run of moves writes once.
                    if let Some(timer) = address_timer.try_update_value(Option::take).flatten() {
                        timer.clear();
                    }
                    let timer = set_timeout_with_handle(
                        move || {
                            let _ = view_state.try_update(|v| {
                                v.center = Some((viewport.lat, viewport.lon));
                                v.zoom = Some(viewport.zoom);
                            });
                        },
                        ADDRESS_DELAY,
                    );
                    address_timer.set_value(timer.ok());
                });
                map.on_click(move |code| ctx.open(code));
                view_box.set(Some((map.bounds(), viewport.zoom)));
                leaflet.set_value(Some(map));
                basemap_slot.attach(leaflet, archive.as_ref(), basemap_failure);
                map_ready.set(true);
            }
            Err(message) => {
                map_error.set(Some(message));
                map_state.set(PageState::Error);
            }
        }
    }));

    on_cleanup(move || {
        if let Some(timer) = address_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        if let Some(map) = leaflet.try_update_value(Option::take).flatten() {
            map.remove();
        }
    });

    // Countries: redrawn when the selection changes.
    effect(Box::new(move || {
        let selection = selection.get();
        let loaded = shapes.get();
        if !map_ready.get() {
            return;
        }
        let shapes = match loaded {
            None => return,
            Some(Ok(shapes)) => shapes,
            Some(Err(error)) => {
                map_error.set(Some(error.to_string()));
                map_state.set(PageState::Error);
                return;
            }
        };
        let style = |code: &str| {
            let colours = selection.colours_of(code);
            CountryStyle {
                code: code.to_owned(),
                fill: colours.fill,
                outline: colours.outline,
                shaded: colours.shaded,
            }
        };
        let mut with_shape: Vec<&str> = Vec::new();
        let mut drawn_countries: Vec<(CountryGeometry, CountryStyle)> = shapes
            .iter()
            .map(|shape| {
                let code = shape.numeric().and_then(code_of_numeric).unwrap_or("");
                with_shape.push(code);
                (CountryGeometry::Polygons(&shape.polygons), style(code))
            })
            .collect();
        // Small states absent from the 110m shapes: a circle at their label point.
        for (code, lat, lon) in selection.without_shape(&with_shape) {
            drawn_countries.push((CountryGeometry::Point(lat, lon), style(code)));
        }
        let on_hover = move |code: &str, entering: bool| ctx.hover(code, entering);
        with_map(leaflet, |map| {
            map.draw_countries(drawn_countries.into_iter(), on_hover);
        });
        drawn.update(|n| *n += 1);
    }));

    // Member markers: re-clustered on every pan and zoom and filter change.
    {
        effect(Box::new(move || {
            let Some((bounds, zoom)) = view_box.get() else {
                return;
            };
            let points = points.get();
            let clusters = cluster(&points.0, zoom, bounds);
            let on_click = {
                move |c: &Cluster| {
                    let countries = &points.1;
                    if c.count > 1 {
                        with_map(leaflet, |m| {
                            m.zoom_to(c.lat, c.lon, 2.0);
                        });
                    } else if let Some(code) = countries.get(c.first) {
                        ctx.open(code.clone());
                    }
                }
            };
            with_map(leaflet, |map| {
                map.draw_clusters(clusters, on_click);
            });
            markers_drawn.set(true);
        }));
    }

    // The panel takes room from the map (or gives it back): Leaflet measures its
    // container again once the layout has settled.
    effect(Box::new(move || {
        selected.track();
        request_animation_frame(move || {
            with_map(leaflet, |map| {
                map.invalidate_size();
            });
        });
    }));

    // Highlight: the country pointed at or focused, else the open one.
    effect(Box::new(move || {
        drawn.track();
        let code = ctx.hovered.get().or_else(|| selected.get());
        with_map(leaflet, |map| {
            map.highlight(code.as_deref());
        });
    }));

    // The optional outside tile layer, only when the reader asks.
    let tiles_url = data
        .dataset
        .manifest
        .as_ref()
        .and_then(|m| m.tiles.as_ref())
        .map(|t| t.url.clone());
    let show_tiles = RwSignal::new(false);
    {
        let tiles_url = tiles_url.clone();
        effect(Box::new(move || {
            let on = show_tiles.get();
            if !map_ready.get() {
                return;
            }
            with_map(leaflet, |map| {
                map.set_tiles(tiles_url.as_deref().filter(|_| on));
            });
        }));
    }
    let tiles_toggle = tiles_url.map(|url| {
        let host = crate::data::host_of(&url);
        let lang = use_lang();
        view! {
            <label class="map-tiles">
                <input type="checkbox" on:change=move |ev| show_tiles.set(event_target_checked(&ev))/>
                " "{move || fill(Msg::MapShowTiles.text(lang.get()), &[("host", &host)])}
            </label>
        }
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && selected.with_untracked(Option::is_some) {
            ev.prevent_default();
            ctx.close();
        }
    };

    view! {
        <div class="map-layout" on:keydown=on_keydown>
            <MapFilters data=data.clone()/>
            {move || basemap_failure.get().map(|detail| view! {
                <MapLoadError headline=Msg::MapBasemapFailed detail=detail/>
            })}
            <div class="map-stage">
                <div
                    class="map-canvas"
                    node_ref=map_ref
                    role="region"
                    aria-label=tr(Msg::MapLabel)
                    aria-describedby="map-help"
                ></div>
                {move || map_error.get().map(|detail| view! {
                    <MapLoadError headline=Msg::MapShapesFailed detail=detail retry=retry_load/>
                })}
                {
                    let data = data.clone();
                    move || selected.get().map(|code| {
                        view! { <CountryPanel data=data.clone() code=code/> }
                    })
                }
            </div>
            <Legend/>
            <p id="map-help" class="map-help">{tr(Msg::MapHelp)}" "{tr(Msg::MapCredit)}</p>
            {basemap.and_then(|b| b.attribution).map(|attribution| view! { <BasemapCredit attribution=attribution/> })}
            {tiles_toggle}
            <CountryList/>
            <MemberList data=data.clone()/>
        </div>
    }
    .into_any()
}
