//! `/stories` and `/stories/:id` (and the story embed): slides beside a map
//! that follows them. Every slide element carries `data-slide-id`, the current
//! one `aria-current="true"`; all stay in the DOM (the slide layout hides the
//! others).

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::data::{SharedData, query_param, use_network_data};
use crate::embed::dialog::ViewActions;
use crate::embed::messaging::announce_change;
use crate::embed::{EmbedTitle, EmbedView};
use crate::gallery::{key_step, swipe_step};
use crate::i18n::{Msg, fill};
use crate::map::leaflet_map::{LeafletMap, Motion, Viewport, load_leaflet, with_map};
use crate::map::view::MapLoadError;
use crate::map::zoomify::Zoomify;
use crate::model::{SlideType, Story, StoryLayout};
use crate::route::Route;
use crate::story::image_consent::{ImageConsent, ImageCredit};
use crate::story::image_map::onto_image;
use crate::story::tiles::StoryTiles;
use crate::story::{Camera, camera_at, points, start_slide};
use crate::ui::address::replace_query;
use crate::ui::lang::{tr, use_lang};
use crate::ui::links::{href, route_id};
use crate::ui::media::MediaView;
use crate::ui::problems::ProblemList;
use crate::ui::record::{IllustrativeBadge, RecordNotFound};
use crate::ui::state::with_data;
use crate::ui::text::{RichText, localized, localized_opt};

#[component]
pub fn StoriesIndex() -> impl IntoView {
    with_data(use_network_data(), |data| {
        let lang = use_lang();
        view! {
            <section data-page="stories">
                <h1>{tr(Msg::NavStories)}</h1>
                <ul class="cards">
                    {data.dataset.stories.iter().map(|story| {
                        let count = story.slides.len().to_string();
                        let title = localized(&story.title);
                        view! {
                            <li class="card" data-story-id=story.id.clone()>
                                {story.cover.clone().map(|cover| view! { <MediaView media=cover/> })}
                                <div class="card-body">
                                    <h2><A href=href(Route::Story(&story.id))>{title}</A></h2>
                                    <RichText text=story.summary.clone()/>
                                    <p class="muted">{move || fill(Msg::Slides.text(lang.get()), &[("count", &count)])}</p>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ProblemList problems=data.problems.clone()/>
            </section>
        }
    })
}

#[component]
pub fn StoryPage() -> impl IntoView {
    let id = route_id();
    with_data(use_network_data(), move |data: SharedData| {
        let id = id();
        match data.dataset.story(&id) {
            // The data's problems too, as on every page that shows data: a
            // slide left out says why.
            Some(story) => view! {
                <StoryView story=story.clone() actions=true/>
                <ProblemList problems=data.problems.clone()/>
            }
            .into_any(),
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// Runs `f` as an effect (one instantiation of `Effect::new` for the view).
fn effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// The slide elements of the list.
fn slide_elements(list: &web_sys::Element) -> Vec<web_sys::Element> {
    let children = list.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .collect()
}

/// Brings slide `index` to the top of the reading area (scroll layout).
fn scroll_to_slide(list: &web_sys::Element, index: usize) {
    if let Some(slide) = slide_elements(list).get(index) {
        slide.scroll_into_view_with_bool(true);
    }
}

/// The slide being read in the scroll layout: the last whose top has passed
/// the middle of the window (the first at the top of the page).
fn slide_in_view(list: &web_sys::Element) -> usize {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    slide_elements(list)
        .iter()
        .rposition(|slide| slide.get_bounding_client_rect().top() < height * 0.55)
        .unwrap_or(0)
}

/// True when a key press belongs to a field, a control that uses arrows or
/// the map (which pans with them).
fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| {
            el.closest("input, textarea, select, [contenteditable], .leaflet-container")
                .ok()
                .flatten()
        })
        .is_some()
}

type ObserverCallback = Closure<dyn FnMut(JsValue)>;

/// A story: its slides beside a map that follows the current slide. Two
/// layouts, one slide at a time or scrolling text beside a sticky map; the
/// story chooses the default, the reader can switch. On its own page (not
/// `preview`) the arrow keys move between slides and the address keeps the
/// current slide (`?slide=`).
#[component]
pub fn StoryView(
    /// The story to show.
    story: Story,
    /// Shown among other views (the staff preview): no keyboard shortcuts and
    /// no address updates.
    #[prop(optional)]
    preview: bool,
    /// On the story's own page: the Share and Embed buttons.
    #[prop(optional)]
    actions: bool,
) -> impl IntoView {
    let count = story.slides.len();
    if count == 0 {
        // Nothing to step through or map: say so rather than "1 of 0".
        return view! {
            <article class="story story-empty" data-story-id=story.id.clone()>
                <h1>{localized(&story.title)}" "<IllustrativeBadge illustrative=story.illustrative/></h1>
                <RichText text=story.summary.clone()/>
                <p class="story-no-slides" role="status">{tr(Msg::StoryNoSlides)}</p>
            </article>
        }
        .into_any();
    }
    let start = if preview {
        0
    } else {
        start_slide(
            &story,
            query_param("slide").as_deref(),
            query_param("start_at").as_deref(),
        )
    };
    let current = RwSignal::new(start);
    let initial_layout = match query_param("layout").as_deref() {
        Some("scroll") if !preview => StoryLayout::Scroll,
        Some("slides") if !preview => StoryLayout::Slides,
        _ => story.layout,
    };
    let layout = RwSignal::new(initial_layout);
    let lang = use_lang();
    let list_ref = NodeRef::<leptos::html::Ol>::new();
    // The slide a button, key or swipe is scrolling to: until it is reached,
    // the slides passed on the way do not become current.
    let scrolling_to: StoredValue<Option<usize>> = StoredValue::new(None);
    let go = move |index: usize| {
        if index >= count || index == current.get_untracked() {
            return;
        }
        current.set(index);
        if layout.get_untracked() == StoryLayout::Scroll
            && let Some(list) = list_ref.get_untracked()
        {
            scrolling_to.set_value(Some(index));
            scroll_to_slide(&list, index);
            // A target the page cannot bring up (the end of a short page)
            // must not hold the reader's scrolling for long.
            set_timeout(
                move || {
                    let _ = scrolling_to.try_set_value(None);
                },
                std::time::Duration::from_millis(1000),
            );
        }
    };

    if !preview {
        let ids: Vec<String> = story.slides.iter().map(|s| s.id.clone()).collect();
        let default_layout = story.layout;
        // The first run shows what the address already says: it is left as is.
        let loaded = std::cell::Cell::new(false);
        effect(Box::new(move || {
            let chosen = layout.get();
            let index = current.get();
            if !loaded.replace(true) {
                return;
            }
            let layout_param = (chosen != default_layout).then_some(match chosen {
                StoryLayout::Slides => "slides",
                StoryLayout::Scroll => "scroll",
            });
            if let Some(id) = ids.get(index) {
                replace_query(&[("slide", Some(id)), ("layout", layout_param)]);
                announce_change("slide", id);
            }
        }));
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.default_prevented()
                || ev.alt_key()
                || ev.ctrl_key()
                || ev.meta_key()
                || typing_in(&ev)
            {
                return;
            }
            let Some(step) = key_step(&ev.key(), lang.get_untracked().is_rtl()) else {
                return;
            };
            if let Some(next) = current.get_untracked().checked_add_signed(step)
                && next < count
            {
                ev.prevent_default();
                go(next);
            }
        });
        on_cleanup(move || keys.remove());
    }

    // The map: created once the element is mounted, removed on cleanup.
    let map_ref = NodeRef::<leptos::html::Div>::new();
    let leaflet: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
    // Leaflet loads on first need (index.html does not load it); without it
    // the slides still read, with the reason where the map would be.
    let leaflet_loaded = RwSignal::new(false);
    let map_error: RwSignal<Option<String>> = RwSignal::new(None);
    // A story told on a picture from another host waits for the reader's yes.
    let image = story.image.clone();
    let image_agreed = RwSignal::new(image.is_none());
    leptos::task::spawn_local(async move {
        let _ = match load_leaflet().await {
            Ok(()) => leaflet_loaded.try_set(true).map(|_| ()),
            Err(message) => map_error.try_set(Some(message)).map(|_| ()),
        };
    });
    {
        let slide_points = points(&story);
        let all: Vec<(f64, f64)> = slide_points.iter().flatten().copied().collect();
        let mut n = 0;
        let marker_of: Vec<Option<usize>> = slide_points
            .iter()
            .map(|p| {
                p.map(|_| {
                    n += 1;
                    n - 1
                })
            })
            .collect();
        let cameras: Vec<Camera> = (0..count).map(|i| camera_at(&story, i)).collect();
        let picture = image.clone().map(|i| Zoomify {
            width: i.width,
            height: i.height,
        });
        let (all, cameras) = match picture {
            Some(picture) => {
                let overview: Vec<bool> = story
                    .slides
                    .iter()
                    .map(|s| s.slide_type == SlideType::Overview)
                    .collect();
                onto_image(&all, &cameras, &overview, picture)
            }
            None => (all, cameras),
        };
        let folder = image.as_ref().map(|i| i.url.clone()).unwrap_or_default();
        let line = story.line;
        effect(Box::new(move || {
            let i = current.get();
            let Some(element) = map_ref.get() else {
                return;
            };
            if !leaflet_loaded.get() || !image_agreed.get() {
                return;
            }
            let first = leaflet.with_value(Option::is_none);
            if first {
                let world = Viewport {
                    lat: 20.0,
                    lon: 0.0,
                    zoom: 1.0,
                };
                let made = match picture {
                    Some(picture) => LeafletMap::new_image(&element, &folder, picture),
                    None => LeafletMap::new(&element, world),
                };
                match made {
                    Ok(map) => {
                        leaflet.set_value(Some(map));
                        if picture.is_none() {
                            crate::map::basemap_layer::attach(leaflet);
                        }
                    }
                    Err(_) => return,
                }
            }
            // Leaflet runs with the map out of its slot (see `with_map`).
            with_map(leaflet, |map| {
                map.draw_places(&all, marker_of.get(i).copied().flatten(), line);
                let motion = if first {
                    Motion::Jump
                } else {
                    Motion::flight()
                };
                match cameras.get(i) {
                    Some(&Camera::Point { lat, lon, zoom }) => {
                        map.move_to(Viewport { lat, lon, zoom }, motion);
                    }
                    Some(Camera::Fit(points)) => map.fit_points(points, motion),
                    _ => {}
                }
            });
        }));
    }
    on_cleanup(move || {
        if let Some(map) = leaflet.try_update_value(Option::take).flatten() {
            map.remove();
        }
    });

    // The scroll layout: the slide in view becomes current.
    let observer: StoredValue<
        Option<(web_sys::IntersectionObserver, ObserverCallback)>,
        LocalStorage,
    > = StoredValue::new_local(None);
    let disconnect = move || {
        if let Some((observer, _callback)) = observer.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    };
    effect(Box::new(move || {
        let scroll = layout.get() == StoryLayout::Scroll;
        let Some(list) = list_ref.get() else {
            return;
        };
        disconnect();
        // The map's box changed with the layout.
        request_animation_frame(move || {
            with_map(leaflet, |map| map.invalidate_size());
        });
        if !scroll {
            return;
        }
        let list: web_sys::Element = list.into();
        scroll_to_slide(&list, current.get_untracked());
        let watched = list.clone();
        let callback: ObserverCallback = Closure::new(move |_: JsValue| {
            let index = slide_in_view(&watched);
            match scrolling_to.try_get_value().flatten() {
                Some(target) if target == index => scrolling_to.set_value(None),
                Some(_) => return,
                None => {}
            }
            if current.try_get_untracked().is_some_and(|i| i != index) {
                let _ = current.try_set(index);
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        // The top 55% of the window: a slide entering or leaving it changes
        // which one is being read.
        options.set_root_margin("0px 0px -45% 0px");
        let Ok(watcher) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) else {
            return;
        };
        for slide in slide_elements(&list) {
            watcher.observe(&slide);
        }
        observer.set_value(Some((watcher, callback)));
    }));
    on_cleanup(disconnect);

    // The story's outside tiles, only once the reader ticks the box.
    let tiles = story.tiles.clone().map(|tiles| {
        let show = Callback::new(move |url: Option<String>| {
            with_map(leaflet, |map| map.set_tiles(url.as_deref()));
        });
        view! { <StoryTiles tiles=tiles on_change=show/> }
    });
    let total = count.to_string();
    let counter = move || {
        let n = (current.get() + 1).to_string();
        fill(
            Msg::SlideOf.text(lang.get()),
            &[("n", &n), ("count", &total)],
        )
    };
    let layout_button = move |value: StoryLayout, label: Msg| {
        view! {
            <button
                type="button"
                aria-pressed=move || if layout.get() == value { "true" } else { "false" }
                on:click=move |_| layout.set(value)
            >
                {tr(label)}
            </button>
        }
    };
    let at_end = move || current.get() + 1 >= count;
    // Swipes move between slides in the slide layout (touch and pen; a mouse
    // drag selects text).
    let swipe_from: StoredValue<Option<(f64, f64)>> = StoredValue::new(None);
    let swipe_start = move |ev: web_sys::PointerEvent| {
        let touch = ev.pointer_type() != "mouse";
        let from = (touch && layout.get_untracked() == StoryLayout::Slides)
            .then(|| (f64::from(ev.client_x()), f64::from(ev.client_y())));
        swipe_from.set_value(from);
    };
    let swipe_end = move |ev: web_sys::PointerEvent| {
        let Some((x, y)) = swipe_from.try_update_value(Option::take).flatten() else {
            return;
        };
        let (dx, dy) = (f64::from(ev.client_x()) - x, f64::from(ev.client_y()) - y);
        if let Some(next) = swipe_step(dx, dy, lang.get_untracked().is_rtl())
            .and_then(|step| current.get_untracked().checked_add_signed(step))
        {
            go(next);
        }
    };
    let layout_class = move || match layout.get() {
        StoryLayout::Slides => "story story-slides",
        StoryLayout::Scroll => "story story-scroll",
    };
    view! {
        <article class=layout_class data-story-id=story.id.clone()>
            <h1>{localized(&story.title)}" "<IllustrativeBadge illustrative=story.illustrative/></h1>
            {actions.then(|| view! {
                <ViewActions view=EmbedView::Story id=story.id.clone() title=EmbedTitle::Data(story.title.clone())/>
            })}
            <RichText text=story.summary.clone()/>
            <div class="story-toolbar">
                <div class="story-nav" role="group" aria-label=tr(Msg::SlideNavigation)>
                    <button type="button" class="story-prev"
                        disabled=move || current.get() == 0
                        on:click=move |_| go(current.get_untracked().saturating_sub(1))>
                        {tr(Msg::PreviousSlide)}
                    </button>
                    <p class="slide-counter" aria-live="polite" aria-atomic="true">{counter}</p>
                    <button type="button" class="story-next"
                        disabled=at_end
                        on:click=move |_| go(current.get_untracked() + 1)>
                        {tr(Msg::NextSlide)}
                    </button>
                </div>
                <div class="story-layouts" role="group" aria-label=tr(Msg::StoryLayoutLabel)>
                    {layout_button(StoryLayout::Slides, Msg::StoryLayoutSlides)}
                    {layout_button(StoryLayout::Scroll, Msg::StoryLayoutScroll)}
                </div>
            </div>
            <div class="story-body">
                <div class="story-map" node_ref=map_ref role="region" aria-label=tr(Msg::StoryMapLabel)>
                    {move || map_error.get().map(|detail| view! {
                        <MapLoadError headline=Msg::StoryMapFailed detail=detail/>
                    })}
                    {image.clone().map(|image| view! { <ImageConsent image=image agreed=image_agreed/> })}
                </div>
                <ol class="slides" node_ref=list_ref
                    on:pointerdown=swipe_start
                    on:pointerup=swipe_end
                    on:pointercancel=move |_| swipe_from.set_value(None)>
                    {story.slides.into_iter().enumerate().map(|(i, slide)| {
                        let kind = match slide.slide_type { SlideType::Overview => "overview", SlideType::Slide => "slide" };
                        view! {
                            <li class="slide" data-slide-id=slide.id.clone() data-slide-type=kind
                                aria-current=move || (current.get() == i).then_some("true")
                                hidden=move || layout.get() == StoryLayout::Slides && current.get() != i>
                                <h2>{localized_opt(slide.headline.as_ref())}</h2>
                                {slide.date.map(|d| view! { <p class="slide-date">{d.label()}</p> })}
                                <RichText text=slide.text.clone()/>
                                {slide.media.map(|m| view! { <MediaView media=m/> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </div>
            {tiles}
            {image.map(|image| view! { <ImageCredit image=image agreed=image_agreed/> })}
        </article>
    }
    .into_any()
}
