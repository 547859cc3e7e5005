//! `/map` (and `/embed/map`): the member countries on a Leaflet map, with the
//! same countries and members as sortable lists (the keyboard and screen-reader
//! alternative), filters, a country panel, and the view kept in the URL.
//!
//! Countries are SVG paths tagged `data-country` (shaded) so tests can count
//! them; member markers are clustered in Rust (`cluster.rs`) and drawn on a
//! canvas. `data-state` turns `ready` only once the map and its layers exist.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::countries;
use crate::data::{SharedData, use_network_data};
use crate::embed::dialog::ViewActions;
use crate::embed::{EmbedTitle, EmbedView};
use crate::i18n::{Msg, case_status, fill};
use crate::map::basemap::Scale;
use crate::map::basemap_layer;
use crate::map::cluster::{Bounds, Cluster, cluster};
use crate::map::leaflet_map::{
    CountryGeometry, CountryStyle, LeafletMap, Viewport, load_leaflet, with_map,
};
use crate::map::topojson::Shape;
use crate::map::{
    CLASSES, Filters, MapView, NEUTRAL, OUTLINE, REGIONS, STATUSES, Selection, SortKey, VIEW_KEYS,
    class_label, class_of, outline_for, region_key, select, sorted, status_key,
};
use crate::model::Region;
use crate::route::Route;
use crate::ui::lang::{tr, use_lang};
use crate::ui::links::href;
use crate::ui::problems::ProblemList;
use crate::ui::record::IllustrativeBadge;
use crate::ui::state::{LoadError, PageState, with_data_until};
use crate::ui::text::localized;

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
            <ViewActions view=EmbedView::Map title=EmbedTitle::Ui(Msg::MapLabel)/>
            {map_loader(|data, map_state| view! {
                <MapExplorer data=data.clone() map_state=map_state/>
                <ProblemList problems=data.problems.clone()/>
            }.into_any())}
        </section>
    }
}

/// Why a map is not drawn (the rest of its view still works), with the
/// technical detail.
#[component]
pub fn MapLoadError(
    /// What the reader still has.
    headline: Msg,
    /// The error itself.
    detail: String,
) -> impl IntoView {
    view! {
        <div class="load-error map-error" role="alert">
            <p><strong>{tr(headline)}</strong></p>
            <p class="load-error-detail"><code>{detail}</code></p>
        </div>
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
    let search = window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return MapView::default();
    };
    let pairs: Vec<(String, String)> = VIEW_KEYS
        .iter()
        .filter_map(|k| params.get(k).map(|v| ((*k).to_owned(), v)))
        .collect();
    MapView::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Writes the view into the query string (replacing the history entry), keeping
/// the parameters the map does not own (`data`, `lang`, …).
fn write_url_view(view: &MapView) {
    let location = window().location();
    let (Ok(search), Ok(path), Ok(hash)) =
        (location.search(), location.pathname(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    for key in VIEW_KEYS {
        params.delete(key);
    }
    for (key, value) in view.to_pairs() {
        params.append(key, &value);
    }
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

fn region_msg(region: Region) -> Msg {
    match region {
        Region::Africa => Msg::RegionAfrica,
        Region::Americas => Msg::RegionAmericas,
        Region::AsiaPacific => Msg::RegionAsiaPacific,
        Region::EuropeCentralAsia => Msg::RegionEuropeCentralAsia,
        Region::Mena => Msg::RegionMena,
    }
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
    let selection = {
        let data = data.clone();
        // Recomputed on every view change (pans too), but equal selections
        // notify nobody.
        Memo::new(move |_| view_state.with(|v| select(&data.dataset, &v.filters)))
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
    let markers_drawn = RwSignal::new(false);
    // Ready once the map, its countries and its markers are drawn.
    effect(Box::new(move || {
        if drawn.get() > 0 && markers_drawn.get() {
            map_state.set(PageState::Ready);
        }
    }));
    let map_error: RwSignal<Option<String>> = RwSignal::new(None);
    let shapes = world_shapes();

    // Leaflet loads on first need (index.html does not load it).
    let leaflet_loaded = RwSignal::new(false);
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

    // Create the map once its element is mounted and Leaflet has loaded.
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
        let initial = view_state.with_untracked(|v| (v.center, v.zoom));
        let narrow = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 600.0);
        let viewport = Viewport {
            lat: initial.0.map_or(25.0, |c| c.0),
            lon: initial.0.map_or(10.0, |c| c.1),
            zoom: initial.1.unwrap_or(if narrow { 1.0 } else { 2.0 }),
        };
        match LeafletMap::new(&element, viewport) {
            Ok(mut map) => {
                map.on_move_end(move |viewport, bounds| {
                    view_box.set(Some((bounds, viewport.zoom)));
                    view_state.update(|v| {
                        v.center = Some((viewport.lat, viewport.lon));
                        v.zoom = Some(viewport.zoom);
                    });
                });
                map.on_click(move |code| ctx.open(code));
                view_box.set(Some((map.bounds(), viewport.zoom)));
                leaflet.set_value(Some(map));
                basemap_layer::attach(leaflet);
                map_ready.set(true);
            }
            Err(message) => {
                map_error.set(Some(message));
                map_state.set(PageState::Error);
            }
        }
    }));

    on_cleanup(move || {
        if let Some(map) = leaflet.try_update_value(Option::take).flatten() {
            map.remove();
        }
    });

    // Countries: redrawn when the selection changes.
    // Small linear lookups (a few hundred countries) rather than hash maps: no
    // extra hash-table code in the wasm.
    let code_of = |numeric: u16| {
        countries::all()
            .iter()
            .find(|c| c.numeric == numeric)
            .map(|c| c.code)
    };
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
        let count = |code: &str| {
            selection
                .countries
                .iter()
                .find(|c| c.code == code)
                .map(|c| c.members)
        };
        let style = |code: &str| {
            let class = count(code).and_then(class_of);
            let fill = class.and_then(|c| CLASSES.get(c)).map_or(NEUTRAL, |c| c.1);
            CountryStyle {
                code: code.to_owned(),
                fill,
                outline: if class.is_some() {
                    outline_for(fill)
                } else {
                    OUTLINE
                },
                shaded: class.is_some(),
            }
        };
        let mut with_shape: Vec<&str> = Vec::new();
        let mut drawn_countries: Vec<(CountryGeometry, CountryStyle)> = shapes
            .iter()
            .map(|shape| {
                let code = shape.numeric().and_then(code_of).unwrap_or("");
                with_shape.push(code);
                (CountryGeometry::Polygons(&shape.polygons), style(code))
            })
            .collect();
        // Small states absent from the 110m shapes: a circle at their label point.
        for summary in &selection.countries {
            if with_shape.contains(&summary.code.as_str()) {
                continue;
            }
            if let Some(country) = countries::by_code(&summary.code) {
                drawn_countries.push((
                    CountryGeometry::Point(country.lat, country.lon),
                    style(&summary.code),
                ));
            }
        }
        let on_hover = move |code: &str, entering: bool| ctx.hover(code, entering);
        with_map(leaflet, |map| {
            map.draw_countries(drawn_countries.into_iter(), on_hover);
        });
        drawn.update(|n| *n += 1);
    }));

    // Member markers: re-clustered on every pan and zoom and filter change.
    {
        let data = data.clone();
        effect(Box::new(move || {
            let Some((bounds, zoom)) = view_box.get() else {
                return;
            };
            let members: Vec<usize> = selection.with(|s| s.members.clone());
            let points: Vec<(f64, f64)> = members
                .iter()
                .map(|&i| {
                    data.dataset
                        .members
                        .get(i)
                        .and_then(|m| m.position())
                        .unwrap_or((f64::NAN, f64::NAN))
                })
                .collect();
            let clusters = cluster(&points, zoom, bounds);
            let countries: Rc<Vec<String>> = Rc::new(
                members
                    .iter()
                    .map(|&i| {
                        data.dataset
                            .members
                            .get(i)
                            .map(|m| m.country.clone())
                            .unwrap_or_default()
                    })
                    .collect(),
            );
            let on_click = {
                move |c: &Cluster| {
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
        let host = web_sys::Url::new(&url.replace(['{', '}'], ""))
            .map(|u| u.host())
            .unwrap_or_default();
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
            <div class="map-stage">
                <div
                    class="map-canvas"
                    node_ref=map_ref
                    role="region"
                    aria-label=tr(Msg::MapLabel)
                    aria-describedby="map-help"
                ></div>
                {move || map_error.get().map(|detail| view! {
                    <MapLoadError headline=Msg::MapShapesFailed detail=detail/>
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
            {tiles_toggle}
            <CountryList/>
            <MemberList data=data.clone()/>
        </div>
    }
    .into_any()
}

/// A menu value: "" (all) is none.
fn some(value: String) -> Option<String> {
    Some(value).filter(|v| !v.is_empty())
}

/// A year field's value: a year from 1 to 9999, or none.
fn year(value: String) -> Option<i32> {
    value
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1..=9999).contains(y))
}

/// The label of a choice: from the catalogue, or text from the data.
#[derive(Clone)]
enum Choice {
    Ui(Msg),
    Data(String),
}

/// The region, alliance, campaign, status and year filters.
#[component]
fn MapFilters(
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
            let name = a.short_name.as_ref().unwrap_or(&a.name);
            (a.id.clone(), Choice::Data(localized(name)()))
        })
        .collect();
    let campaigns = data
        .dataset
        .campaigns
        .iter()
        .map(|c| (c.id.clone(), Choice::Data(localized(&c.name)())))
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
                on_change=set(|f, v| f.alliance = some(v))/>
            <FilterSelect name="campaign" label=Msg::MapCampaign choices=campaigns
                value=value(|f| f.campaign.clone())
                on_change=set(|f, v| f.campaign = some(v))/>
            <FilterSelect name="status" label=Msg::MapCaseStatus choices=statuses
                value=value(|f| f.status.map(|s| status_key(s).to_owned()))
                on_change=set(|f, v| f.status = STATUSES.into_iter().find(|s| status_key(*s) == v))/>
            <YearInput name="from" label=Msg::MapFromYear
                value=value(|f| f.from.map(|y| y.to_string()))
                on_change=set(|f, v| f.from = year(v))/>
            <YearInput name="to" label=Msg::MapToYear
                value=value(|f| f.to.map(|y| y.to_string()))
                on_change=set(|f, v| f.to = year(v))/>
            <button type="button" class="button" on:click=move |_| ctx.view.update(|v| v.filters = Filters::default())>
                {tr(Msg::MapClearFilters)}
            </button>
        </fieldset>
    }
    .into_any()
}

/// One labelled filter menu whose first choice, "All", is the empty value.
#[component]
fn FilterSelect(
    /// `data-filter`, for tests.
    name: &'static str,
    label: Msg,
    /// (value, label) of each choice.
    choices: Vec<(String, Choice)>,
    /// The current value ("" for all).
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label>
            <span>{tr(label)}</span>
            <select data-filter=name prop:value=value on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="">{tr(Msg::MapAll)}</option>
                {choices.into_iter().map(|(value, choice)| {
                    let text = move || match &choice {
                        Choice::Ui(msg) => msg.text(lang.get()).to_owned(),
                        Choice::Data(text) => text.clone(),
                    };
                    view! { <option value=value>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// One labelled year field.
#[component]
fn YearInput(
    /// `data-filter`, for tests.
    name: &'static str,
    label: Msg,
    /// The current year, or "".
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <label>
            <span>{tr(label)}</span>
            <input type="number" inputmode="numeric" min="1" max="9999" data-filter=name
                prop:value=value on:change=move |ev| on_change.run(event_target_value(&ev))/>
        </label>
    }
    .into_any()
}

/// The colour classes of the member count, and the neutral colour.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <figure class="map-legend">
            <figcaption>{tr(Msg::MapLegend)}</figcaption>
            <ul>
                {CLASSES.iter().enumerate().map(|(i, (_, colour))| view! {
                    <li><span class="swatch" aria-hidden="true" style:background-color=*colour></span>{class_label(i)}</li>
                }).collect_view()}
                <li><span class="swatch" aria-hidden="true" style:background-color=NEUTRAL></span>{tr(Msg::MapNoMembers)}</li>
            </ul>
        </figure>
    }
    .into_any()
}

/// The open country: its members and cases (under the filters), with links.
#[component]
fn CountryPanel(
    /// The loaded dataset.
    data: SharedData,
    /// ISO alpha-2 of the country.
    code: String,
) -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let heading = NodeRef::<leptos::html::H2>::new();
    effect(Box::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    }));
    let name = countries::name_or_code(&code).to_owned();
    let panel_content = {
        let code = code.clone();
        move || {
            let selection = ctx.selection.get();
            let members: Vec<_> = selection
                .members
                .iter()
                .filter_map(|&i| data.dataset.members.get(i))
                .filter(|m| m.country == code)
                .cloned()
                .collect();
            let cases: Vec<_> = selection
                .cases
                .iter()
                .filter_map(|&i| data.dataset.cases.get(i))
                .filter(|c| c.country == code)
                .cloned()
                .collect();
            view! {
                <h3>{tr(Msg::Members)}" ("{members.len()}")"</h3>
                <ul class="map-panel-members">
                    {members.into_iter().map(|m| {
                        let name = localized(&m.name);
                        view! {
                            <li data-member-id=m.id.clone()>
                                <A href=href(Route::Member(&m.id))>{name}</A>
                                " "<IllustrativeBadge illustrative=m.illustrative/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!cases.is_empty()).then(|| view! {
                    <h3>{tr(Msg::Cases)}" ("{cases.len()}")"</h3>
                    <ul class="map-panel-cases">
                        {cases.into_iter().map(|c| {
                            let person = localized(&c.person);
                            view! {
                                <li data-case-id=c.id.clone()>
                                    <A href=href(Route::Case(&c.id))>{person}</A>
                                    " · "{tr(case_status(c.status))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
            }
        }
    };
    view! {
        <aside class="map-panel" data-panel-country=code.clone() aria-labelledby="map-panel-title">
            <div class="map-panel-head">
                <h2 id="map-panel-title" tabindex="-1" node_ref=heading>{name}</h2>
                <button type="button" class="button map-panel-close" on:click=move |_| ctx.close()>
                    {tr(Msg::MapClose)}
                </button>
            </div>
            {panel_content}
        </aside>
    }
    .into_any()
}

/// The countries of the selection as a sortable table; a row opens the panel
/// (its button, or Enter on the row), and focus or hover highlights the country.
#[component]
fn CountryList() -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let sort = RwSignal::new((SortKey::Name, false));
    let lang = use_lang();
    let header = move |key: SortKey, msg: Msg| {
        let aria_sort = move || match sort.get() {
            (k, false) if k == key => "ascending",
            (k, true) if k == key => "descending",
            _ => "none",
        };
        let label = move || {
            fill(
                Msg::MapSortBy.text(lang.get()),
                &[("column", msg.text(lang.get()))],
            )
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="map-sort"
                    data-sort=match key { SortKey::Name => "name", SortKey::Members => "members", SortKey::Cases => "cases" }
                    title=label
                    on:click=move |_| sort.update(|(k, d)| {
                        if *k == key { *d = !*d } else { *k = key; *d = key != SortKey::Name }
                    })
                >
                    {tr(msg)}
                </button>
            </th>
        }
    };
    let rows = move || {
        let (key, descending) = sort.get();
        let countries = sorted(ctx.selection.with(|s| s.countries.clone()), key, descending);
        if countries.is_empty() {
            return view! { <tr><td colspan="3">{tr(Msg::MapNoMatch)}</td></tr> }.into_any();
        }
        countries
            .into_iter()
            .map(|c| {
                let code = c.code.clone();
                let open = {
                    let code = code.clone();
                    move || ctx.open(code.clone())
                };
                let on_key = {
                    let open = open.clone();
                    move |ev: leptos::ev::KeyboardEvent| {
                        let on_row = ev.target() == ev.current_target();
                        if on_row && (ev.key() == "Enter" || ev.key() == " ") {
                            ev.prevent_default();
                            open();
                        }
                    }
                };
                let hover = {
                    let code = code.clone();
                    move |entering: bool| ctx.hover(&code, entering)
                };
                let (h1, h2, h3) = (hover.clone(), hover.clone(), hover.clone());
                let current = {
                    let code = code.clone();
                    move || {
                        ctx.view
                            .with(|v| v.country.as_deref() == Some(code.as_str()))
                    }
                };
                view! {
                    <tr
                        data-country=code.clone()
                        tabindex="-1"
                        class:map-row-open=current
                        on:keydown=on_key
                        on:mouseenter=move |_| hover(true)
                        on:mouseleave=move |_| h1(false)
                        on:focusin=move |_| h2(true)
                        on:focusout=move |_| h3(false)
                    >
                        <th scope="row">
                            <button type="button" class="map-open" on:click=move |_| open()>
                                {c.name}
                            </button>
                        </th>
                        <td>{c.members}</td>
                        <td>{c.cases}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let count = move || ctx.selection.with(|s| s.countries.len());
    view! {
        <h2 id="countries-heading">{tr(Msg::CountriesWithMembers)}" ("<span data-count="countries">{count}</span>")"</h2>
        <table class="data map-countries" aria-labelledby="countries-heading">
            <thead><tr>
                {header(SortKey::Name, Msg::Country)}
                {header(SortKey::Members, Msg::Members)}
                {header(SortKey::Cases, Msg::Cases)}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The members of the selection, by country.
#[component]
fn MemberList(
    /// The loaded dataset.
    data: SharedData,
) -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let rows = move || {
        let mut members: Vec<_> = ctx.selection.with(|s| {
            s.members
                .iter()
                .filter_map(|&i| data.dataset.members.get(i))
                .cloned()
                .collect()
        });
        crate::sort::sort_by(&mut members, |a, b| {
            a.country.cmp(&b.country).then_with(|| a.id.cmp(&b.id))
        });
        members
            .into_iter()
            .map(|m| {
                let name = localized(&m.name);
                let city = m.city.as_ref().map(localized);
                let country = countries::name_or_code(&m.country).to_owned();
                view! {
                    <tr data-member-id=m.id.clone()>
                        <th scope="row"><A href=href(Route::Member(&m.id))>{name}</A>" "<IllustrativeBadge illustrative=m.illustrative/></th>
                        <td>{country}</td>
                        <td>{city}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let count = move || ctx.selection.with(|s| s.members.len());
    view! {
        <h2 id="members-heading">{tr(Msg::Members)}" ("<span data-count="members">{count}</span>")"</h2>
        <table class="data" aria-labelledby="members-heading">
            <thead><tr><th scope="col">{tr(Msg::Member)}</th><th scope="col">{tr(Msg::Country)}</th><th scope="col">{tr(Msg::City)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
