//! `/timeline` and `/embed/timeline`: case outcomes and campaign milestones on a
//! zoomable horizontal axis (a vertical list on narrow screens), with eras,
//! lanes, keyboard navigation, a detail panel and `?event=` deep links.
//!
//! The selection contract: every rendered event element carries
//! `data-event-id`; the selected one `aria-current="true"`. Only events in (or
//! near) the view are in the DOM; the layout is computed once per zoom and the
//! layer is moved with a transform while panning.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::{SharedData, use_network_data};
use crate::i18n::{Counted, Lang, Locale, Msg, count as count_in, fill};
use crate::route::Route;
use crate::share::{EmbedTitle, EmbedView};
use crate::timeline::gesture::{self, AxisAction, AxisGesture};
use crate::timeline::layout::{
    self, Item, Layout, Step, Viewport, label_width_px, stack, step_selection,
};
use crate::timeline::slides::{TimelineLayout, title_slide};
use crate::timeline::{
    EntryRef, Era, Grouping, ListWindow, NARROW_PX, TimelineEntry, entries, entry_years, eras,
    kind_name, lanes,
};
use crate::ui::address::query_param;
use crate::ui::address::replace_query;
use crate::ui::intl::Intl;
use crate::ui::lang::{tr, use_intl, use_lang};
use crate::ui::links::href;
use crate::ui::media::MediaView;
use crate::ui::problems::ProblemList;
use crate::ui::record::IllustrativeBadge;
use crate::ui::share::ViewActions;
use crate::ui::state::with_data;
use crate::ui::text::{RichText, external_or_local_link, localized, localized_opt};

mod axis;
mod axis_input;
mod controls;
mod detail;
mod event_mark;
mod list;
mod slide;

use self::{axis::*, axis_input::*, controls::*, detail::*, event_mark::*, list::*, slide::*};

/// Height of one row of events, in pixels.
const ROW_PX: f64 = 30.0;

/// Space above the lanes for the axis labels.
const AXIS_PX: f64 = 28.0;

/// Space between lanes.
const LANE_GAP_PX: f64 = 8.0;

/// Minimum distance between ticks.
const TICK_MIN_PX: f64 = 90.0;

#[component]
pub fn TimelinePage() -> impl IntoView {
    with_data(use_network_data(), |data| {
        view! {
            <section data-page="timeline">
                <h1>{tr(Msg::NavTimeline)}</h1>
                <ViewActions view=EmbedView::Timeline title=EmbedTitle::Ui(Msg::TimelineName) carried=&crate::timeline::VIEW_KEYS/>
                <Timeline data=data.clone()/>
                <ProblemList problems=data.problems.clone()/>
            </section>
        }
    })
}

/// Everything the parts of one timeline share.
#[derive(Clone)]
struct Tl {
    data: SharedData,
    /// In time order; indices into this are the events' identities here.
    entries: Arc<Vec<TimelineEntry>>,
    eras: Arc<Vec<Era>>,
    selected: RwSignal<Option<usize>>,
    /// `selected`, seen per event: only the events whose state changes hear of it.
    current: Selector<Option<usize>>,
    /// Set by a key that moves the selection: the newly selected button takes the focus.
    take_focus: StoredValue<bool>,
    detail: RwSignal<bool>,
    viewport: RwSignal<Viewport>,
    width: RwSignal<f64>,
    grouping: RwSignal<Grouping>,
    /// The keys of the lanes and each entry's lane, for the current grouping.
    lanes: Memo<Arc<(Vec<String>, Vec<usize>)>>,
    /// Slides above the axis, or the axis alone.
    layout: RwSignal<TimelineLayout>,
}

impl Tl {
    fn entry(&self, index: usize) -> Option<&TimelineEntry> {
        self.entries.get(index)
    }

    /// The event at `index`, with what it belongs to.
    fn event(&self, index: usize) -> Option<EntryRef<'_>> {
        self.entries.get(index)?.of(&self.data.dataset)
    }

    /// Moves the view so the event shows, keeping the zoom.
    fn reveal(&self, index: usize) {
        let Some(entry) = self.entry(index) else {
            return;
        };
        let (start, end) = entry.span();
        let v = self.viewport.get_untracked();
        let margin = v.span() * 0.1;
        if start < v.start + margin || start > v.end - margin || end < v.start {
            self.viewport.set(v.center_on(start));
        }
    }

    fn select(&self, index: Option<usize>) {
        self.selected.set(index);
        if let Some(i) = index {
            self.reveal(i);
        }
    }
}

/// The whole timeline: controls, the axis (or the list on narrow screens), the
/// announcement region and the detail panel.
#[component]
pub fn Timeline(
    /// The loaded dataset.
    data: SharedData,
    /// In an embed (slides by default).
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let all = Arc::new(entries(&data.dataset));
    let eras = Arc::new(eras(&data.dataset));
    let fit = Viewport::fit(all.iter().map(TimelineEntry::span));
    // ?event= (kept in step with the selection), else an embed's ?start_at=
    // (an event id, or "end").
    let deep_link = match query_param("event").or_else(|| query_param("start_at")) {
        Some(end) if end == "end" => all.len().checked_sub(1),
        Some(id) => all
            .iter()
            .position(|e| e.of(&data.dataset).is_some_and(|e| e.event.id == id)),
        None => None,
    };
    let grouping = RwSignal::new(Grouping::initial(
        query_param("group").as_deref(),
        &all,
        &data.dataset,
    ));
    let lanes_memo = {
        let all = all.clone();
        let data = data.clone();
        Memo::new(move |_| Arc::new(lanes(&all, &data.dataset, grouping.get())))
    };
    let default_layout = TimelineLayout::default_for(embed, &data.dataset);
    let layout = RwSignal::new(TimelineLayout::initial(
        query_param("layout").as_deref(),
        embed,
        &data.dataset,
    ));
    let title = title_slide(&data.dataset).map(Arc::new);
    let has_title = title.is_some();
    let selected = RwSignal::new(None);
    let tl = Tl {
        data,
        entries: all,
        eras,
        selected,
        current: Selector::new(move || selected.get()),
        take_focus: StoredValue::new(false),
        detail: RwSignal::new(false),
        viewport: RwSignal::new(fit),
        width: RwSignal::new(1000.0),
        grouping,
        lanes: lanes_memo,
        layout,
    };
    if let Some(index) = deep_link {
        tl.select(Some(index));
        tl.detail.set(true);
    } else if !has_title && layout.get_untracked() == TimelineLayout::Slides {
        // No title slide: the first event's slide opens.
        tl.select(tl.entries.first().map(|_| 0));
    }

    let narrow = RwSignal::new(window_width() < NARROW_PX);
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        // Only on a change: setting a signal notifies even when the value is the same.
        let now = window_width() < NARROW_PX;
        if narrow.try_get_untracked() != Some(now) {
            let _ = narrow.try_set(now);
        }
    });
    on_cleanup(move || resize.remove());

    // Keep ?event= in step with the selection (replaceState: no history entries).
    {
        let tl = tl.clone();
        Effect::new(move |_| {
            let id = tl
                .selected
                .get()
                .and_then(|i| tl.event(i))
                .map(|e| e.event.id.clone());
            let group = tl.grouping.get();
            let layout = tl.layout.get();
            replace_query(&[
                ("event", id.as_deref()),
                ("group", (group != Grouping::None).then(|| group.as_str())),
                (
                    "layout",
                    (layout != default_layout).then(|| layout.as_str()),
                ),
            ]);
            if let Some(id) = id {
                crate::embed::messaging::announce_change("event", &id);
            }
        });
    }

    let announce = {
        let tl = tl.clone();
        let lang = use_lang();
        let title = title.clone();
        move || {
            let lang = lang.get();
            let selected = tl.selected.get();
            let text = selected
                .and_then(|i| tl.event(i))
                .map(|e| {
                    fill(
                        Msg::SelectedEvent.text(lang),
                        &[
                            ("title", e.event.headline.resolve(lang.code())),
                            ("date", &e.event.date_label_in(&Intl(lang))),
                        ],
                    )
                })
                .unwrap_or_default();
            if tl.layout.get() != TimelineLayout::Slides {
                return text;
            }
            // On slides, which slide of how many, then the same words (the title slide's headline).
            let intl = Intl(lang);
            let (at, total) =
                crate::timeline::slides::position(selected, tl.entries.len(), has_title);
            let text = match (selected, &title) {
                (None, Some(t)) => t.headline.resolve(lang.code()).to_owned(),
                _ => text,
            };
            fill(
                Msg::SlideAnnounce.text(lang),
                &[
                    ("n", &intl.number(at as f64)),
                    ("count", &intl.number(total as f64)),
                    ("title", &text),
                ],
            )
        }
    };

    let empty = tl.entries.is_empty();
    let slides_tl = tl.clone();
    let body = {
        let tl = tl.clone();
        move || {
            if empty {
                view! { <p>{tr(Msg::NoEvents)}</p> }.into_any()
            } else if narrow.get() {
                view! { <TimelineList tl=tl.clone()/> }.into_any()
            } else {
                view! { <TimelineAxis tl=tl.clone()/> }.into_any()
            }
        }
    };
    let detail = {
        let tl = tl.clone();
        move || {
            let index = tl.selected.get().filter(|_| {
                tl.detail.get() && !narrow.get() && tl.layout.get() == TimelineLayout::Axis
            })?;
            Some(view! { <EventDetail tl=tl.clone() index=index/> })
        }
    };
    view! {
        <div class="timeline" data-layout=move || if narrow.get() { "list" } else { "axis" }
            data-timeline-layout=move || layout.get().as_str()>
            {move || (layout.get() == TimelineLayout::Slides && !empty).then(|| view! {
                <SlidePanel tl=slides_tl.clone() title=title.clone()/>
            })}
            <Controls tl=tl.clone() narrow=narrow/>
            {body}
            <p class="visually-hidden" aria-live="polite" data-timeline-announce="">{announce}</p>
            {detail}
        </div>
    }
}

fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

fn window_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0)
}
