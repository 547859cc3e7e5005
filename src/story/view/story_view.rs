//! A story: its slides beside the map that follows them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::effect;
use super::image_consent::ImageCredit;
use super::slides::{
    published_slide_in_view, scroll_to_slide, slide_elements, slide_in_view, typing_in,
};
use super::story_map::StoryMap;
use super::tiles::StoryTiles;
use crate::embed::messaging::announce_change;
use crate::gallery::{key_step, swipe_step};
use crate::i18n::{Msg, nth_of};
use crate::model::{Basemap, SlideType, Story, StoryLayout};
use crate::share::{EmbedTitle, EmbedView};
use crate::story::{MapPlan, start_slide};
use crate::ui::address::{query_param, replace_query};
use crate::ui::lang::{tr, use_intl, use_lang};
use crate::ui::leaflet::BasemapCredit;
use crate::ui::media::MediaView;
use crate::ui::record::IllustrativeBadge;
use crate::ui::share::ViewActions;
use crate::ui::text::{RichText, localized, localized_opt};

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
    /// On the story's own page: draws its Share and Embed buttons. A function
    /// given by the page, not a flag, so an entry point that never passes it
    /// (the story embed) leaves the buttons' code out of its wasm.
    #[prop(optional)]
    actions: Option<fn(&Story) -> AnyView>,
    /// The network's own vector basemap (the manifest's `basemap`), drawn
    /// under the story's map where it has data.
    basemap: Option<Basemap>,
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
    let plan = MapPlan::of(&story);
    let overview: Vec<bool> = story
        .slides
        .iter()
        .map(|s| s.slide_type == SlideType::Overview)
        .collect();
    // A story told on a picture from another host waits for the reader's yes.
    let image = story.image.clone();
    let image_agreed = RwSignal::new(image.is_none());
    let tiles_url: RwSignal<Option<String>> = RwSignal::new(None);
    // A picture story draws no world, so no basemap credit either.
    let credit = basemap
        .as_ref()
        .filter(|_| image.is_none())
        .and_then(|b| b.attribution.clone())
        .map(|attribution| view! { <BasemapCredit attribution=attribution/> });
    let tiles = story.tiles.clone().map(|tiles| {
        let show = Callback::new(move |url: Option<String>| tiles_url.set(url));
        view! { <StoryTiles tiles=tiles on_change=show/> }
    });
    let start = if preview {
        0
    } else {
        let (slide, start_at) = (query_param("slide"), query_param("start_at"));
        match (slide, start_at) {
            (None, None) => published_slide_in_view()
                .filter(|&index| index < count)
                .unwrap_or(0),
            (slide, start_at) => start_slide(&story, slide.as_deref(), start_at.as_deref()),
        }
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

    let intl = use_intl();
    let counter = move || nth_of(&intl(), Msg::SlideOf, current.get() + 1, count);
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
            {actions.map(|actions| actions(&story))}
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
                <StoryMap plan=plan current=current layout=layout overview=overview
                    image=image.clone() image_agreed=image_agreed tiles=tiles_url
                    basemap=basemap.clone()/>
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
                                {slide.date.map(|d| view! { <p class="slide-date">{move || d.label_in(&intl())}</p> })}
                                <RichText text=slide.text.clone()/>
                                {slide.media.map(|m| view! { <MediaView media=m/> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </div>
            {tiles}
            {image.map(|image| view! { <ImageCredit image=image agreed=image_agreed/> })}
            {credit}
        </article>
    }
    .into_any()
}

/// The Share and Embed buttons of a story's own page ([`StoryView`]'s `actions`).
pub fn story_actions(story: &Story) -> AnyView {
    view! {
        <ViewActions view=EmbedView::Story id=story.id.clone() title=EmbedTitle::Data(story.title.clone())/>
    }
    .into_any()
}
