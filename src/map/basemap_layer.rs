//! The bundled basemap on a live map: fetches each scale's shapes from dist/
//! the first time a map needs them (decoded once per page, shared by every
//! map, the choropleth of `/map` and the locators), and keeps each map's
//! basemap at the scale its zoom needs, cut to the area around the view
//! (`basemap.rs` holds the rules, tested natively). Where the manifest names
//! the network's own vector basemap (a PMTiles archive), opens it and draws
//! it over the bundled one, which then stands in only where the archive
//! cannot draw (`geo::archive`), or for all of it when it fails to load.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::{
    Effect, Get, GetUntracked, LocalStorage, RwSignal, Set, SetValue, StoredValue, WithValue,
};

use crate::data::{INACTIVITY_LIMIT_MS, absolute_url, display_name, fetch_text};
use crate::geo::archive::{Archive, Coverage};
use crate::geo::basemap::{Scale, clip, covers, labels, simplify, tolerance_at};
use crate::geo::cluster::Bounds;
use crate::geo::topojson::{self, Shape};
use crate::i18n::{Lang, Locale};
use crate::model::Basemap;
use crate::ui::frame::{next_frame, next_task};
use crate::ui::intl::Intl;
use crate::ui::leaflet::{Label, MapSlot, open_archive, with_map};
use crate::ui::state::LoadError;

type Shapes = Arc<Vec<Shape>>;

thread_local! {
    /// The decoded shapes of each scale ([`Scale::ALL`]'s order), kept for the visit.
    static SHAPES: RefCell<[Option<Shapes>; 3]> = const { RefCell::new([None, None, None]) };
    /// Each scale's load under way: a promise that settles when it ends.
    static LOADING: RefCell<[Option<js_sys::Promise>; 3]> = const { RefCell::new([None, None, None]) };
}

fn slot_of(scale: Scale) -> usize {
    match scale {
        Scale::Small => 0,
        Scale::Medium => 1,
        Scale::Large => 2,
    }
}

fn cached(scale: Scale) -> Option<Shapes> {
    SHAPES.with_borrow(|cache| cache.get(slot_of(scale)).cloned().flatten())
}

/// The country shapes at `scale`, fetched and decoded the first time only.
/// Callers that come while a load is under way (the choropleth of `/map`
/// and its basemap start together) wait for it rather than fetch the file
/// again; if it fails, each tries once more and reports its own error.
pub async fn load(scale: Scale) -> Result<Shapes, LoadError> {
    if let Some(shapes) = cached(scale) {
        return Ok(shapes);
    }
    let under_way = LOADING.with_borrow(|loading| loading.get(slot_of(scale)).cloned().flatten());
    if let Some(under_way) = under_way {
        let _ = wasm_bindgen_futures::JsFuture::from(under_way).await;
        if let Some(shapes) = cached(scale) {
            return Ok(shapes);
        }
    }
    let mut settle: Option<js_sys::Function> = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| settle = Some(resolve));
    LOADING.with_borrow_mut(|loading| {
        if let Some(entry) = loading.get_mut(slot_of(scale)) {
            *entry = Some(promise);
        }
    });
    let loaded = fetch_and_decode(scale).await;
    LOADING.with_borrow_mut(|loading| {
        if let Some(entry) = loading.get_mut(slot_of(scale)) {
            *entry = None;
        }
    });
    if let Some(settle) = settle {
        let _ = settle.call0(&wasm_bindgen::JsValue::UNDEFINED);
    }
    loaded
}

async fn fetch_and_decode(scale: Scale) -> Result<Shapes, LoadError> {
    let file = scale.file();
    let url = absolute_url(file, None)?;
    let text = fetch_text(&url).await?.text;
    let failed = |message| LoadError {
        source: file.to_owned(),
        message,
    };
    // Reading the text and building the shapes are two tasks, so a frame
    // can come between them (a task, not a frame: the map's first shapes
    // must load in a frame the reader has not scrolled to yet).
    let topology = topojson::parse(&text).map_err(failed)?;
    drop(text);
    next_task().await;
    let shapes = topology.shapes("countries").map(Arc::new).map_err(failed)?;
    SHAPES.with_borrow_mut(|cache| {
        if let Some(entry) = cache.get_mut(slot_of(scale)) {
            *entry = Some(shapes.clone());
        }
    });
    Ok(shapes)
}

/// What one map's basemap shows, and which scale it is fetching.
struct State {
    /// The scale drawn, the area it was cut to (`None`: the whole world) and
    /// the zoom its detail was simplified for.
    drawn: Option<(Scale, Option<Bounds>, f64)>,
    loading: Option<Scale>,
    /// The names drawn: redrawn only when they change (a pan within a
    /// country's reach leaves them be).
    labels: Vec<Label>,
    /// The network's own vector basemap, if the manifest names one.
    archive: Archive,
    /// The language of the names drawn (the country names and the archive's).
    lang: Lang,
}

/// A map's basemap, as [`attach`] set it up: its page tells it when the
/// reader picks another language.
#[derive(Clone)]
struct BasemapHandle {
    slot: MapSlot,
    state: Rc<RefCell<State>>,
}

impl BasemapHandle {
    /// Draws the country names, and the archive's place names, in `lang`
    /// from now on (at once, not at the next move).
    pub fn set_lang(&self, lang: Lang) {
        if self.state.borrow().lang == lang {
            return;
        }
        self.state.borrow_mut().lang = lang;
        name_countries(self.slot, &self.state);
        if matches!(self.state.borrow().archive, Archive::Open(_)) {
            with_map(self.slot, |map| map.relabel_archive(lang.code()));
        }
    }
}

/// Where a map's page keeps its basemap: made with the page, attached once
/// the map exists; from then on the basemap's names follow the reader's
/// `lang`.
#[derive(Clone, Copy)]
pub struct BasemapSlot {
    handle: StoredValue<Option<BasemapHandle>, LocalStorage>,
    lang: RwSignal<Lang>,
}

impl BasemapSlot {
    /// Draws the basemap under the map in `slot`, in the page's language
    /// ([`attach`]), and keeps it here to follow the language.
    pub fn attach(
        self,
        slot: MapSlot,
        basemap: Option<&Basemap>,
        failure: RwSignal<Option<String>>,
    ) {
        let handle = attach(slot, basemap, failure, self.lang.get_untracked());
        self.handle.set_value(Some(handle));
    }
}

/// A page's [`BasemapSlot`], empty until its map exists.
pub fn following(lang: RwSignal<Lang>) -> BasemapSlot {
    let handle: StoredValue<Option<BasemapHandle>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let lang = lang.get();
        handle.with_value(|handle| {
            if let Some(handle) = handle {
                handle.set_lang(lang);
            }
        });
    });
    BasemapSlot { handle, lang }
}

/// Draws the basemap under the map in `slot` now and after every pan and
/// zoom (its listener goes with the map's `remove`): the bundled one, and
/// the manifest's `basemap` archive when there is one. Why the archive could
/// not be drawn goes to `failure` (the page shows it; the bundled basemap
/// stands in).
fn attach(
    slot: MapSlot,
    basemap: Option<&Basemap>,
    failure: RwSignal<Option<String>>,
    lang: Lang,
) -> BasemapHandle {
    let state = Rc::new(RefCell::new(State {
        drawn: None,
        loading: None,
        labels: Vec::new(),
        archive: Archive::Off,
        lang,
    }));
    {
        let state = state.clone();
        with_map(slot, move |map| {
            map.on_move_end(move |_, _| refresh(slot, state.clone()));
        });
    }
    if let Some(basemap) = basemap {
        state.borrow_mut().archive = Archive::Opening;
        open(slot, basemap.pmtiles.clone(), state.clone(), failure);
    }
    refresh(slot, state.clone());
    BasemapHandle { slot, state }
}

/// Opens the archive at `url` and draws it on the map, then brings the
/// bundled basemap up to date with what the archive covers; on failure,
/// says why and leaves the bundled basemap to draw everything.
fn open(slot: MapSlot, url: String, state: Rc<RefCell<State>>, failure: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        let drawn = match absolute_url(&url, None) {
            Ok(absolute) => {
                let opened = open_archive(&absolute, INACTIVITY_LIMIT_MS as i32)
                    .await
                    .and_then(|archive| {
                        Coverage::from_header(&archive.header).map(|coverage| (archive, coverage))
                    });
                match opened {
                    Ok((archive, coverage)) => {
                        let lang = state.borrow().lang.code();
                        match with_map(slot, |map| map.draw_archive(&archive, &coverage, lang)) {
                            // The map is gone: nothing to draw on or tell.
                            None => return,
                            Some(drawn) => drawn.map(|()| coverage),
                        }
                    }
                    Err(message) => Err(message),
                }
                .map_err(|message| format!("{}: {message}", display_name(&absolute)))
            }
            Err(error) => Err(error.to_string()),
        };
        state.borrow_mut().archive = match drawn {
            Ok(coverage) => Archive::Open(coverage),
            Err(message) => {
                with_map(slot, |map| map.archive_failed());
                let _ = failure.try_set(Some(message));
                Archive::Failed
            }
        };
        refresh(slot, state);
    });
}

/// The view, its zoom and the scale that zoom needs.
fn view_of(slot: MapSlot) -> Option<(Scale, f64, Bounds)> {
    with_map(slot, |map| {
        let zoom = map.viewport().zoom;
        (Scale::for_zoom(zoom), zoom, map.visible_bounds())
    })
}

/// Redraws the basemap when the zoom needs another scale or the view has
/// left the area drawn. Runs as a task: Leaflet's `moveend` calls it while
/// the map is out of its slot.
fn refresh(slot: MapSlot, state: Rc<RefCell<State>>) {
    leptos::task::spawn_local(async move {
        // The task that ends a move is Leaflet's own redraw and the
        // markers', and the next frame lays all that out; the basemap's
        // names and shapes follow in the frame after, so the two layouts
        // do not land in one frame.
        next_frame().await;
        next_frame().await;
        let Some((scale, zoom, view)) = view_of(slot) else {
            return;
        };
        // Names follow every move; only the shapes wait for a new scale.
        name_countries_in(slot, &state, zoom, view);
        let archive = state.borrow().archive;
        if !archive.bundled_needed(zoom, view) {
            // The archive draws this view: the bundled shapes drawn before
            // stay under it, and no finer scale is fetched.
            with_map(slot, |map| map.show_basemap_detail(scale != Scale::Small));
            return;
        }
        {
            let mut state = state.borrow_mut();
            // A cut area was simplified for the zoom it was drawn at: zooming
            // in more than a level past it asks for the finer outline the
            // scale has. The whole world is drawn as it is (never simplified).
            let up_to_date = state.drawn.is_some_and(|(drawn, area, detail)| {
                drawn == scale && area.is_none_or(|a| covers(a, view) && zoom <= detail + 1.0)
            });
            // The task fetching this scale draws the view it finds then.
            if up_to_date || state.loading == Some(scale) {
                return;
            }
            state.loading = Some(scale);
        }
        let loaded = load(scale).await;
        {
            let mut state = state.borrow_mut();
            if state.loading == Some(scale) {
                state.loading = None;
            }
        }
        let shapes = match loaded {
            Ok(shapes) => shapes,
            Err(error) => {
                // The scale drawn before stays; the map works without it.
                web_sys::console::warn_1(&format!("basemap: {error}").into());
                return;
            }
        };
        // Decoding a new scale took this frame; cutting and drawing it
        // take the next. The reader may have moved on meanwhile.
        next_frame().await;
        let Some((now, zoom, view)) = view_of(slot) else {
            return;
        };
        if now != scale {
            return;
        }
        let area = (!scale.whole_world())
            .then(|| Bounds::padded(view.south, view.west, view.north, view.east, 0.5));
        let polygons = shapes
            .iter()
            .flat_map(|s| s.polygons.iter().map(Vec::as_slice));
        let polygons = match area {
            Some(area) => simplify(clip(polygons, area), tolerance_at(zoom)),
            None => polygons.map(<[_]>::to_vec).collect(),
        };
        with_map(slot, |map| {
            map.draw_basemap(&polygons, zoom, scale.label(), scale != Scale::Small);
        });
        state.borrow_mut().drawn = Some((scale, area, zoom));
    });
}

/// Names the countries in view that have room for it, in the page's
/// language where the browser knows the name (`Intl.DisplayNames`), else
/// Natural Earth's English name.
fn name_countries(slot: MapSlot, state: &RefCell<State>) {
    if let Some((_, zoom, view)) = view_of(slot) {
        name_countries_in(slot, state, zoom, view);
    }
}

/// [`name_countries`] for a view already read from the map.
fn name_countries_in(slot: MapSlot, state: &RefCell<State>, zoom: f64, view: Bounds) {
    // Where the archive draws, its own place names replace these.
    if !state.borrow().archive.bundled_labels(zoom, view) {
        if !state.borrow().labels.is_empty() {
            with_map(slot, |map| map.draw_labels(&[]));
            state.borrow_mut().labels = Vec::new();
        }
        return;
    }
    let intl = Intl(state.borrow().lang);
    let labels: Vec<Label> = labels(view, zoom)
        .into_iter()
        .map(|country| (country.lat, country.lon, intl.country(country.code)))
        .collect();
    if state.borrow().labels == labels {
        return;
    }
    with_map(slot, |map| map.draw_labels(&labels));
    state.borrow_mut().labels = labels;
}
