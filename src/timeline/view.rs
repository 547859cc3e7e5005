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

use crate::embed::dialog::ViewActions;
use crate::embed::{EmbedTitle, EmbedView};
use crate::i18n::{Lang, Msg, fill};
use crate::timeline::layout::{
    self, Item, Layout, Step, Viewport, label_width_px, stack, step_selection,
};
use crate::timeline::{
    EntryRef, Era, Grouping, ListWindow, TimelineEntry, entries, entry_years, eras, kind_name,
    lanes,
};
use crate::web::address::replace_query;
use crate::web::data::{SharedData, query_param, use_network_data};
use crate::web::lang::{tr, use_lang};
use crate::web::media::MediaView;
use crate::web::problems::ProblemList;
use crate::web::shell::{IllustrativeBadge, app_href};
use crate::web::state::with_data;
use crate::web::text::{RichText, external_or_local_link, localized, localized_opt};

/// Height of one row of events, in pixels.
const ROW_PX: f64 = 30.0;
/// Space above the lanes for the axis labels.
const AXIS_PX: f64 = 28.0;
/// Space between lanes.
const LANE_GAP_PX: f64 = 8.0;
/// Minimum distance between ticks.
const TICK_MIN_PX: f64 = 90.0;
/// Narrow screens (40rem) get the vertical list.
const NARROW_PX: f64 = 640.0;

#[component]
pub fn TimelinePage() -> impl IntoView {
    with_data(use_network_data(), |data| {
        view! {
            <section data-page="timeline">
                <h1>{tr(Msg::NavTimeline)}</h1>
                <ViewActions view=EmbedView::Timeline title=EmbedTitle::Ui(Msg::TimelineName)/>
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
    };
    if let Some(index) = deep_link {
        tl.select(Some(index));
        tl.detail.set(true);
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
            replace_query(&[
                ("event", id.as_deref()),
                ("group", (group != Grouping::None).then(|| group.as_str())),
            ]);
            if let Some(id) = id {
                crate::embed::messaging::announce_change("event", &id);
            }
        });
    }

    let announce = {
        let tl = tl.clone();
        let lang = use_lang();
        move || {
            let lang = lang.get();
            tl.selected
                .get()
                .and_then(|i| tl.event(i))
                .map(|e| {
                    fill(
                        Msg::SelectedEvent.text(lang),
                        &[
                            ("title", e.event.headline.resolve(lang.code())),
                            ("date", &e.event.date_label(lang.code())),
                        ],
                    )
                })
                .unwrap_or_default()
        }
    };

    let empty = tl.entries.is_empty();
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
            let index = tl
                .selected
                .get()
                .filter(|_| tl.detail.get() && !narrow.get())?;
            Some(view! { <EventDetail tl=tl.clone() index=index/> })
        }
    };
    view! {
        <div class="timeline" data-layout=move || if narrow.get() { "list" } else { "axis" }>
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

/// Zoom, pan and grouping controls.
#[component]
fn Controls(tl: Tl, narrow: RwSignal<bool>) -> impl IntoView {
    let vp = tl.viewport;
    let zoom = move |factor: f64| {
        vp.update(|v| {
            let center = (v.start + v.end) / 2.0;
            *v = v.zoom(factor, center);
        })
    };
    let pan = move |fraction: f64| vp.update(|v| *v = v.pan(v.span() * fraction));
    let fit = Viewport::fit(tl.entries.iter().map(TimelineEntry::span));
    let grouping = tl.grouping;
    let on_group = move |ev: leptos::ev::Event| {
        grouping.set(Grouping::from_param(Some(&event_target_value(&ev))));
    };
    let options = [
        (Grouping::None, Msg::GroupNone),
        (Grouping::Country, Msg::GroupCountry),
        (Grouping::Campaign, Msg::GroupCampaign),
        (Grouping::Case, Msg::GroupCase),
        (Grouping::Kind, Msg::GroupKind),
        (Grouping::Group, Msg::GroupOwn),
    ];
    view! {
        <div class="timeline-controls" hidden=move || narrow.get()>
            <label class="timeline-group">
                <span>{tr(Msg::GroupBy)}</span>" "
                <select on:change=on_group data-timeline-group="">
                    {options.into_iter().map(|(g, msg)| view! {
                        <option value=g.as_str() selected=move || grouping.get() == g>{tr(msg)}</option>
                    }).collect_view()}
                </select>
            </label>
            <div class="timeline-buttons" role="group" aria-label=tr(Msg::TimelineName)>
                <button type="button" class="button" on:click=move |_| pan(-0.5) aria-label=tr(Msg::PanEarlier) data-timeline-pan="earlier">"◀"</button>
                <button type="button" class="button" on:click=move |_| zoom(2.0) aria-label=tr(Msg::ZoomIn) data-timeline-zoom="in">"+"</button>
                <button type="button" class="button" on:click=move |_| zoom(0.5) aria-label=tr(Msg::ZoomOut) data-timeline-zoom="out">"−"</button>
                <button type="button" class="button" on:click=move |_| vp.set(fit) data-timeline-zoom="fit">{tr(Msg::ZoomFit)}</button>
                <button type="button" class="button" on:click=move |_| pan(0.5) aria-label=tr(Msg::PanLater) data-timeline-pan="later">"▶"</button>
            </div>
        </div>
    }
}

/// Keys shared by the axis and the list: selection, detail, zoom and pan.
fn on_key(tl: &Tl, ev: &web_sys::KeyboardEvent, container: Option<web_sys::HtmlElement>) {
    // Keys inside the detail panel (links, the close button) keep their own meaning.
    let in_detail = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".tl-detail, a, select, input").ok().flatten())
        .is_some();
    if in_detail || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let key = ev.key();
    let count = tl.entries.len();
    let current = tl.selected.get_untracked();
    let pan_mod = ev.shift_key() || ev.alt_key();
    let step = match key.as_str() {
        "ArrowRight" | "ArrowDown" if !pan_mod => Some(Step::Next),
        "ArrowLeft" | "ArrowUp" if !pan_mod => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        _ => None,
    };
    if let Some(step) = step {
        ev.prevent_default();
        tl.take_focus.set_value(true);
        tl.select(step_selection(current, step, count));
        focus_selected(container);
        return;
    }
    let vp = tl.viewport;
    match key.as_str() {
        "ArrowRight" | "ArrowLeft" => {
            ev.prevent_default();
            let sign = if key == "ArrowRight" { 1.0 } else { -1.0 };
            vp.update(|v| *v = v.pan(sign * v.span() * 0.2));
        }
        "Enter" | " " if current.is_some() => {
            ev.prevent_default();
            tl.detail.set(true);
        }
        "Escape" => tl.detail.set(false),
        "+" | "=" | "-" | "_" => {
            ev.prevent_default();
            let factor = if key == "+" || key == "=" { 2.0 } else { 0.5 };
            let at = current
                .and_then(|i| tl.entry(i))
                .map(|e| e.span().0)
                .filter(|d| {
                    let v = vp.get_untracked();
                    *d >= v.start && *d <= v.end
                });
            vp.update(|v| *v = v.zoom(factor, at.unwrap_or((v.start + v.end) / 2.0)));
        }
        _ => {}
    }
}

/// The timeline's keys, on its focusable container `node` (the axis or the list).
fn keydown_handler(
    tl: Tl,
    node: NodeRef<leptos::html::Div>,
) -> impl Fn(web_sys::KeyboardEvent) + Clone + 'static {
    move |ev: web_sys::KeyboardEvent| {
        let container = node
            .get_untracked()
            .map(|el| el.unchecked_into::<web_sys::HtmlElement>());
        on_key(&tl, &ev, container);
    }
}

/// Moves focus to the selected event once it is rendered (roving tabindex).
fn focus_selected(container: Option<web_sys::HtmlElement>) {
    let Some(container) = container else {
        return;
    };
    request_animation_frame(move || {
        if let Ok(Some(el)) = container.query_selector("[aria-current=\"true\"]")
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    });
}

/// The label of a lane key under a grouping.
fn lane_label(tl: &Tl, key: &str) -> impl Fn() -> String + use<> {
    let lang = use_lang();
    let other = tr(Msg::GroupOther);
    let data = tl.data.clone();
    let grouping = tl.grouping.get_untracked();
    let key = key.to_owned();
    move || {
        let code = lang.get().code();
        if key.is_empty() {
            return other().to_owned();
        }
        match grouping {
            Grouping::Country => {
                crate::countries::by_code(&key).map_or_else(|| key.clone(), |c| c.name.to_owned())
            }
            Grouping::Campaign => data
                .dataset
                .campaign(&key)
                .map_or_else(|| key.clone(), |c| c.name.resolve(code).to_owned()),
            Grouping::Case => data
                .dataset
                .case(&key)
                .map_or_else(|| key.clone(), |c| c.person.resolve(code).to_owned()),
            Grouping::Kind | Grouping::None => kind_label(&key).text(lang.get()).to_owned(),
            Grouping::Group => key.clone(),
        }
    }
}

/// The reader's name for an outcome kind (`suspects-arrested`).
fn kind_label(name: &str) -> Msg {
    crate::i18n::outcome_kind(crate::model::OutcomeKind::from_name(name))
}

/// The scale the layer is drawn at: the day at x = 0 and pixels per day. The
/// origin moves only on zoom or after a long pan, so panning is a transform.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Frame {
    origin: f64,
    ppd: f64,
}

impl Frame {
    fn x(self, day: f64) -> f64 {
        (day - self.origin) * self.ppd
    }
}

/// The horizontal axis: eras, ticks, lanes and the visible events.
#[component]
fn TimelineAxis(tl: Tl) -> impl IntoView {
    let vp = tl.viewport;
    let width = tl.width;
    let grouping = tl.grouping;
    let lang = use_lang();
    let node = NodeRef::<leptos::html::Div>::new();

    // Measure the axis once mounted and on resize. Events are laid out only
    // once it is measured: laying out 10,000 events for a guessed width and
    // again for the real one doubled the time to the first event.
    let measured = RwSignal::new(false);
    // The band of the axis on screen, in its own pixels: only its lanes are
    // drawn (a timeline grouped in a dozen lanes is taller than a screen).
    let band = RwSignal::new((0.0, f64::INFINITY));
    let track_band = move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            let now = layout::band_on_screen(el.get_bounding_client_rect().top(), window_height());
            if band.try_get_untracked().is_some_and(|b| b != now) {
                let _ = band.try_set(now);
            }
        }
    };
    let measure = move || {
        track_band();
        if let Some(el) = node.try_get_untracked().flatten() {
            let w = f64::from(el.client_width());
            if w > 0.0 && width.try_get_untracked() != Some(w) {
                let _ = width.try_set(w);
            }
            // A hidden axis (width 0) keeps the default width.
            if measured.try_get_untracked() == Some(false) {
                let _ = measured.try_set(true);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    let scroll = window_event_listener(leptos::ev::scroll, move |_| track_band());
    // On paper the whole axis shows: every lane is drawn for the print.
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        let _ = band.try_set((f64::NEG_INFINITY, f64::INFINITY));
    });
    let after_print = window_event_listener_untyped("afterprint", move |_| track_band());
    on_cleanup(move || {
        resize.remove();
        scroll.remove();
        before_print.remove();
        after_print.remove();
    });

    // Label widths in the reader's language.
    let label_px: Memo<Arc<Vec<f64>>> = {
        let tl = tl.clone();
        Memo::new(move |_| {
            let code = lang.get().code();
            Arc::new(
                (0..tl.entries.len())
                    .map(|i| {
                        let chars = tl
                            .event(i)
                            .map_or(0, |e| e.event.headline.resolve(code).chars().count());
                        label_width_px(chars)
                    })
                    .collect(),
            )
        })
    };
    // Changes on zoom or resize only, not on pan.
    let ppd = Memo::new(move |_| vp.with(|v| v.px_per_day(width.get())));
    let layout: Memo<Arc<Layout>> = {
        let all = tl.entries.clone();
        let lanes = tl.lanes;
        Memo::new(move |_| {
            let ppd = ppd.get();
            let lanes = lanes.get();
            let widths = label_px.get();
            let max_rows = if grouping.get() == Grouping::None {
                8
            } else {
                3
            };
            let laid_out = if measured.get() { all.len() } else { 0 };
            let items: Vec<Item> = all[..laid_out]
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let (start, end) = e.span();
                    Item {
                        start,
                        end,
                        label_px: widths.get(i).copied().unwrap_or(100.0),
                        lane: lanes.1.get(i).copied().unwrap_or(0),
                    }
                })
                .collect();
            Arc::new(stack(&items, lanes.0.len(), ppd, 10.0, max_rows))
        })
    };
    // Top of each lane, and the total height.
    let lane_tops = Memo::new(move |_| {
        layout.with(|l| {
            let mut tops = Vec::with_capacity(l.lane_rows.len());
            let mut y = AXIS_PX;
            for &rows in &l.lane_rows {
                tops.push(y);
                // One more row for the overflow markers and an overflowed selection.
                y += (f64::from(rows) + 1.0) * ROW_PX + LANE_GAP_PX;
            }
            (tops, y)
        })
    });
    let frame = Memo::new(move |prev: Option<&Frame>| {
        let v = vp.get();
        let ppd = ppd.get();
        match prev {
            Some(f) if f.ppd == ppd && ((v.start - f.origin) * ppd).abs() < 1e6 => *f,
            _ => Frame {
                origin: v.start,
                ppd,
            },
        }
    });
    // The window of time rendered: the view and half a view either side,
    // quantised so that it changes only every half view of panning.
    let window = Memo::new(move |_| {
        let v = vp.get();
        let chunk = v.span() / 2.0;
        let k = (v.start / chunk).floor();
        ((k - 1.0) * chunk, (k + 4.0) * chunk)
    });
    // The marks of the window, then the selection on top: a new selection
    // only moves one item between a marker and the drawn ones.
    let bin_days = move || 40.0 / ppd.get_untracked().max(f64::MIN_POSITIVE);
    let lanes_on_screen = Memo::new(move |_| {
        let (from, to) = band.get();
        lane_tops.with(|(tops, bottom)| layout::lanes_in(tops, *bottom, from, to))
    });
    let window_marks = {
        let lanes = tl.lanes;
        Memo::new(move |_| {
            let (from, to) = window.get();
            let on_screen = lanes_on_screen.get();
            layout.with(|l| {
                lanes.with(|lanes| {
                    layout::window_marks(l, &lanes.1, from, to, bin_days(), on_screen)
                })
            })
        })
    };
    let visible = {
        let selected = tl.selected;
        let lanes = tl.lanes;
        Memo::new(move |_| {
            let selected = selected.get();
            window_marks.with(|marks| {
                layout.with(|l| {
                    lanes.with(|lanes| {
                        layout::with_selected(marks, selected, l, &lanes.1, bin_days())
                    })
                })
            })
        })
    };

    let translate = move || {
        let f = frame.get();
        format!("translateX({}px)", -vp.with(|v| v.start - f.origin) * f.ppd)
    };
    let height = move || format!("{}px", lane_tops.with(|t| t.1));

    let ticks = move || {
        let (from, to) = window.get();
        let f = frame.get();
        let w = (to - from) * f.ppd;
        let v = Viewport::new(from, to, f64::MAX);
        layout::ticks(&v, w, TICK_MIN_PX)
            .into_iter()
            .map(|t| {
                let left = format!("{}px", f.x(t.day));
                view! { <div class="tl-tick" style:left=left><span>{t.label}</span></div> }
            })
            .collect_view()
            .into_any()
    };
    let eras_view = {
        let eras = tl.eras.clone();
        move || {
            let (from, to) = window.get();
            let f = frame.get();
            let height = lane_tops.with(|t| t.1);
            eras.iter()
                .filter(|e| e.end > from && e.start < to)
                .map(|e| {
                    let left = f.x(e.start.max(from));
                    let right = f.x(e.end.min(to));
                    let style = format!(
                        "left:{left}px;width:{}px;height:{height}px",
                        (right - left).max(2.0)
                    );
                    let label = localized(&e.label);
                    view! {
                        <div class=format!("tl-era tl-era-{}", e.kind) style=style aria-hidden="true">
                            <span class="tl-era-label">{label}</span>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let lane_bands = move || {
        lane_tops.with(|(tops, _)| {
            tops.iter()
                .map(|top| view! { <div class="tl-lane" style:top=format!("{top}px")></div> })
                .collect_view()
                .into_any()
        })
    };
    let lane_labels = {
        let tl = tl.clone();
        move || {
            let keys = tl.lanes.get();
            if tl.grouping.get() == Grouping::None {
                return None;
            }
            Some(lane_tops.with(|(tops, _)| {
                keys.0
                    .iter()
                    .zip(tops.iter().copied())
                    .map(|(key, top)| {
                        let label = lane_label(&tl, key);
                        view! {
                            <span class="tl-lane-label" data-lane=key.clone() style:top=format!("{top}px")>{label}</span>
                        }
                    })
                    .collect_view()
                    .into_any()
            }))
        }
    };
    // Keyed by event: panning or selecting adds and removes marks at the
    // edges instead of rebuilding every one.
    // A change of language makes the marks again (their words are fixed).
    let events = {
        let tl = tl.clone();
        move || {
            let lang = lang.get();
            let tl = tl.clone();
            let shown = move || visible.with(|marks| marks.shown.clone());
            let mark = move |index: usize| {
                view! {
                    <EventMark tl=tl.clone() index=index lang=lang layout=layout frame=frame lane_tops=lane_tops/>
                }
            };
            view! { <For each=shown key=|index| *index children=mark/> }
        }
    };
    // "+N" markers, rebuilt together: keyed ones (300 reactive positions at
    // 10,000 events) cost the first view more than they saved an arrow key.
    // Their clicks are handled once, on the axis (on_more_click), not by a
    // listener each.
    let overflow = move || {
        let f = frame.get();
        let lang = lang.get();
        visible.with(|marks| {
            lane_tops.with(|(tops, _)| {
                layout.with(|l| {
                    marks
                        .overflow
                        .iter()
                        .map(|o| {
                            let start = l.placed.get(o.first).map_or(0.0, |p| p.start);
                            let rows = l.lane_rows.get(o.lane).copied().unwrap_or(1);
                            let top = tops.get(o.lane).copied().unwrap_or(0.0) + f64::from(rows) * ROW_PX;
                            let style = format!("left:{}px;top:{top}px", f.x(start));
                            let count = o.count;
                            let label = fill(Msg::MoreEvents.text(lang), &[("count", &count.to_string())]);
                            view! {
                                <button type="button" class="tl-more" style=style tabindex="-1" aria-label=label
                                    data-zoom-day=start.to_string()>
                                    {format!("+{count}")}
                                </button>
                            }
                        })
                        .collect_view()
                        .into_any()
                })
            })
        })
    };

    // Drag to pan, pinch to zoom (pointer events), wheel to zoom (Shift or a
    // horizontal wheel pans).
    // A finger or button that goes down on an event (or another control) is
    // followed too, since a pinch often starts on one, but the axis captures it
    // only once it moves: a tap or click still reaches the control.
    let pointers: StoredValue<Vec<AxisPointer>> = StoredValue::new(Vec::new());
    let capture = move |id: i32| {
        if let Some(el) = node.get_untracked() {
            let _ = el.set_pointer_capture(id);
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let moving = !event_in_control(&ev);
        if moving {
            capture(id);
        }
        let x = f64::from(ev.client_x());
        pointers.update_value(|p| p.push(AxisPointer { id, x, moving }));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        if ev.buttons() == 0 {
            // Released outside the axis before it took the pointer: forget it,
            // or hovering back would drag.
            pointers.update_value(|p| p.retain(|p| p.id != id));
            return;
        }
        let x = f64::from(ev.client_x());
        let before = pointers.get_value();
        let Some(pointer) = before.iter().find(|p| p.id == id).copied() else {
            return;
        };
        if !pointer.moving {
            if before.len() < 2 && (x - pointer.x).abs() < DRAG_START_PX {
                return;
            }
            capture(id);
        }
        let old_x = pointer.x;
        let w = width.get_untracked();
        let left = node
            .get_untracked()
            .map_or(0.0, |el| el.get_bounding_client_rect().left());
        match before.as_slice() {
            [_] => {
                let dx = x - old_x;
                vp.update(|v| *v = v.pan(-dx / v.px_per_day(w)));
            }
            [a, b, ..] => {
                let other = if a.id == id { b.x } else { a.x };
                let old = (old_x - other).abs().max(1.0);
                let new = (x - other).abs().max(1.0);
                let mid = (x + other) / 2.0 - left;
                vp.update(|v| *v = v.zoom(new / old, v.day_at(mid, w)));
            }
            [] => {}
        }
        pointers.update_value(|p| {
            if let Some(entry) = p.iter_mut().find(|p| p.id == id) {
                entry.x = x;
                entry.moving = true;
            }
        });
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        pointers.update_value(|p| p.retain(|p| p.id != id));
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let w = width.get_untracked();
        let left = node
            .get_untracked()
            .map_or(0.0, |el| el.get_bounding_client_rect().left());
        let (dx, dy) = (ev.delta_x(), ev.delta_y());
        if ev.shift_key() || dx.abs() > dy.abs() {
            let d = if dx.abs() > dy.abs() { dx } else { dy };
            vp.update(|v| *v = v.pan(d / v.px_per_day(w)));
        } else {
            let factor = (-dy * 0.002).exp();
            let at = f64::from(ev.client_x()) - left;
            vp.update(|v| *v = v.zoom(factor, v.day_at(at, w)));
        }
    };
    let on_keydown = keydown_handler(tl.clone(), node);
    // Clicks on the marks, handled here rather than by a listener each: an
    // event opens its details; a "+N" marker zooms in four times on where its
    // events start.
    let on_axis_click = {
        let tl = tl.clone();
        move |ev: web_sys::MouseEvent| {
            let Some(target) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".tl-event, .tl-more").ok().flatten())
            else {
                return;
            };
            // The mark's place in time order (event ids are unique only within
            // their case or campaign).
            let index = target
                .get_attribute("data-index")
                .and_then(|i| i.parse::<usize>().ok())
                .filter(|&i| i < tl.entries.len());
            if let Some(index) = index {
                tl.selected.set(Some(index));
                tl.detail.set(true);
            } else if let Some(day) = target
                .get_attribute("data-zoom-day")
                .and_then(|day| day.parse::<f64>().ok())
            {
                vp.update(|v| *v = v.zoom(4.0, day));
            }
        }
    };

    // Nothing is drawn in the axis before it is measured: drawn for no width,
    // the ticks, eras, lanes and labels were made and then all made again.
    let content = move || {
        measured.get().then(|| {
            view! {
                <div class="tl-layer" style:transform=translate>
                    {eras_view.clone()}
                    {lane_bands}
                    <div class="tl-ticks" aria-hidden="true">{ticks}</div>
                    <div class="tl-events">{events.clone()}{overflow}</div>
                </div>
                <div class="tl-lane-labels">{lane_labels.clone()}</div>
            }
        })
    };
    view! {
        <p class="timeline-help" id="timeline-help">{tr(Msg::TimelineHelp)}</p>
        <div
            class="tl-axis"
            node_ref=node
            tabindex="0"
            role="region"
            aria-label=tr(Msg::TimelineName)
            aria-describedby="timeline-help"
            dir="ltr"
            data-timeline=""
            style:height=height
            on:keydown=on_keydown
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:wheel=on_wheel
            on:click=on_axis_click
        >
            {content}
        </div>
    }
}

/// A pointer down on the axis: where it was last, and whether it drags (it
/// went down on the axis itself, or has moved since it went down on a control).
#[derive(Clone, Copy)]
struct AxisPointer {
    id: i32,
    x: f64,
    moving: bool,
}

/// How far a pointer that went down on a control moves before it drags.
const DRAG_START_PX: f64 = 6.0;

/// Whether a pointer event started on a button or link (which keep their own behaviour).
fn event_in_control(ev: &web_sys::PointerEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("button, a, select").ok().flatten())
        .is_some()
}

/// One event on the axis: a bar over its span (a dot for a day) and its label.
/// Its words are set once, in `lang` (the marks are made again when the reader
/// changes language), and its clicks are handled on the axis
/// (`on_axis_click`): a few hundred marks are made for the first view.
#[component]
fn EventMark(
    tl: Tl,
    /// The event's index in time order.
    index: usize,
    /// The language of its words.
    lang: Lang,
    layout: Memo<Arc<Layout>>,
    frame: Memo<Frame>,
    lane_tops: Memo<(Vec<f64>, f64)>,
) -> impl IntoView {
    let Some(entry) = tl.event(index) else {
        return ().into_any();
    };
    let (start, end) = tl.entry(index).map_or((0.0, 0.0), TimelineEntry::span);
    let event = entry.event;
    let style_of = layout::DateStyle::of(event);
    let lanes = tl.lanes;
    let node = NodeRef::<leptos::html::Button>::new();
    // Position and bar width in one style attribute, set by one effect.
    Effect::new(move |_| {
        let f = frame.get();
        let lane = lanes.with(|l| l.1.get(index).copied().unwrap_or(0));
        let style = layout.with(|l| {
            let p = l.placed.get(index)?;
            let rows = l.lane_rows.get(lane).copied().unwrap_or(1);
            let row = p.row.unwrap_or(rows);
            let top =
                lane_tops.with(|t| t.0.get(lane).copied().unwrap_or(0.0)) + f64::from(row) * ROW_PX;
            Some(format!(
                "left:{}px;top:{top}px;width:{}px;--bar:{}px",
                f.x(p.start),
                (p.extent_end - p.start) * f.ppd,
                ((end - start) * f.ppd).max(10.0)
            ))
        });
        if let Some(el) = node.get() {
            let _ = match style {
                Some(style) => el.set_attribute("style", &style),
                None => el.remove_attribute("style"),
            };
        }
    });
    sync_selection(node, &tl, index, None);
    let mut class = String::from("tl-event");
    for (on, name) in [
        (style_of.uncertain, " tl-uncertain"),
        (style_of.range, " tl-range"),
        (style_of.coarse, " tl-coarse"),
        (style_of.open_start, " tl-open-start"),
        (style_of.open_end, " tl-open-end"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    let code = lang.code();
    let headline = event.headline.resolve(code).to_owned();
    // The name a screen reader gives the button: the label (which may be cut
    // short on screen) in full, then the date.
    let mut name = format!("{headline}, {}", event.date_label(code));
    if style_of.uncertain {
        name.push_str(", ");
        name.push_str(Msg::UncertainDate.text(lang));
    }
    let kind = event.kind.map(kind_name).unwrap_or_default();
    view! {
        <button
            type="button"
            class=class
            data-event-id=event.id.clone()
            data-index=index
            data-kind=kind
            tabindex="-1"
            aria-label=name
            node_ref=node
        >
            <span class="tl-bar" aria-hidden="true"></span>
            <span class="tl-label">{headline}</span>
        </button>
    }
    .into_any()
}

/// Keeps `aria-current` and the roving `tabindex` (and, given the detail
/// signal, `aria-expanded`) of an event's button in step with the selection.
/// Through the selector, a new selection updates two buttons, not every one.
/// A selection made with the keyboard takes the focus here, as the button gets
/// `aria-current`: the button that had it may just have left the DOM (back
/// into its "+N" marker), and a key pressed before a later frame would be lost.
fn sync_selection(
    node: NodeRef<leptos::html::Button>,
    tl: &Tl,
    index: usize,
    detail: Option<RwSignal<bool>>,
) {
    let current = tl.current.clone();
    let take_focus = tl.take_focus;
    let key = Some(index);
    on_cleanup({
        let current = current.clone();
        move || current.remove(&key)
    });
    Effect::new(move |_| {
        let is_selected = current.selected(&key);
        let open = detail.map(|d| is_selected && d.get());
        let Some(el) = node.get() else {
            return;
        };
        let _ = if is_selected {
            el.set_attribute("aria-current", "true")
        } else {
            el.remove_attribute("aria-current")
        };
        let _ = el.set_attribute("tabindex", if is_selected { "0" } else { "-1" });
        if let Some(open) = open {
            let _ = el.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
        if is_selected && take_focus.try_get_value() == Some(true) {
            take_focus.set_value(false);
            let _ = el.focus();
        }
    });
}

/// The detail of the selected event: text, media, sources, links to the case and the map.
#[component]
fn EventDetail(
    tl: Tl,
    /// The event's index in time order.
    index: usize,
) -> impl IntoView {
    let Some(entry) = tl.event(index) else {
        return ().into_any();
    };
    let lang = use_lang();
    let event = entry.event.clone();
    let headline = localized(&event.headline);
    let style_of = layout::DateStyle::of(&event);
    let date = {
        let event = event.clone();
        move || event.date_label(lang.get().code())
    };
    let case = entry
        .case_id
        .and_then(|id| tl.data.dataset.case(id))
        .cloned();
    let country = case
        .as_ref()
        .map(|c| c.country.clone())
        .or_else(|| event.place.as_ref().and_then(|p| p.country.clone()));
    let case_link = case.map(|case| {
        let person = case.person.clone();
        let href = app_href(&format!("/cases/{}", case.id));
        let text = move || {
            fill(
                Msg::CaseOf.text(lang.get()),
                &[("person", person.resolve(lang.get().code()))],
            )
        };
        view! { <li><a href=href>{text}</a></li> }
    });
    let map_link = country.map(|cc| {
        let href = app_href(&format!("/map?country={cc}"));
        view! { <li><a href=href>{tr(Msg::ShowOnMap)}</a></li> }
    });
    let sources = (!event.sources.is_empty()).then(|| {
        let items = event
            .sources
            .iter()
            .map(|s| {
                let title = localized_opt(s.title.as_ref());
                let url = s.url.clone();
                let shown = url.clone();
                let label = move || {
                    let t = title();
                    if t.is_empty() { shown.clone() } else { t }
                };
                view! { <li>{external_or_local_link(url, view! { {label} }.into_any())}</li> }
            })
            .collect_view();
        view! {
            <h3>{tr(Msg::Sources)}</h3>
            <ul class="tl-sources">{items}</ul>
        }
    });
    let media = event.media.clone().map(|m| view! { <MediaView media=m/> });
    let detail = tl.detail;
    let heading_id = "timeline-detail-title";
    view! {
        <aside class="tl-detail" aria-labelledby=heading_id data-timeline-detail=event.id.clone()>
            <button type="button" class="button tl-detail-close" on:click=move |_| detail.set(false)
                aria-label=tr(Msg::CloseDetails)>"×"</button>
            <p class="tl-detail-date">
                {date}
                {style_of.uncertain.then(|| view! { " (" {tr(Msg::UncertainDate)} ")" })}
            </p>
            <h2 id=heading_id>{headline}" "<IllustrativeBadge illustrative=event.illustrative/></h2>
            <RichText text=event.text.clone()/>
            {media}
            {sources}
            <ul class="tl-links">{case_link}{map_link}</ul>
        </aside>
    }
    .into_any()
}

/// The timeline as a vertical list, year by year (narrow screens), with the same
/// selection contract as the axis. Only a window of it is in the DOM
/// ([`ListWindow`]): it grows as the reader scrolls near either end (or uses
/// the buttons there) and follows the selection.
#[component]
fn TimelineList(tl: Tl) -> impl IntoView {
    let total = tl.entries.len();
    let years = Arc::new(entry_years(&tl.entries, &tl.data.dataset));
    let window = RwSignal::new(ListWindow::around(
        tl.selected.get_untracked().unwrap_or(0),
        total,
    ));
    // The selection (keys, ?event=) always lies in the window.
    Effect::new(move |_| {
        if let Some(index) = tl.selected.get() {
            let now = window.get_untracked();
            let next = now.including(index, total);
            if next != now {
                window.set(next);
            }
        }
    });
    let node = NodeRef::<leptos::html::Div>::new();
    let earlier_ref = NodeRef::<leptos::html::Button>::new();
    let later_ref = NodeRef::<leptos::html::Button>::new();
    // Scrolling near an end grows the list there (checked once a frame at most).
    let pending = StoredValue::new(false);
    let near = |button: Option<web_sys::HtmlButtonElement>, screens: f64| {
        let height = window_height();
        button.is_some_and(|b| {
            let rect = b.get_bounding_client_rect();
            rect.bottom() > -height * screens && rect.top() < height * (1.0 + screens)
        })
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if pending.try_get_value() != Some(false) {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            // (`try_set_value` hands the value back when the list is gone.)
            if pending.try_set_value(false).is_some() {
                return;
            }
            if near(later_ref.get_untracked(), 1.0) {
                window.update(|w| *w = w.later(total));
            } else if near(earlier_ref.get_untracked(), 0.5) {
                window.update(|w| *w = w.earlier());
            }
        });
    });
    on_cleanup(move || scroll.remove());

    let on_keydown = keydown_handler(tl.clone(), node);
    let lang = use_lang();
    let more =
        move |msg: Msg, count: usize| fill(msg.text(lang.get()), &[("count", &count.to_string())]);
    let rows = move || {
        let w = window.get();
        (w.start..w.end).collect::<Vec<usize>>()
    };
    let row = move |index: usize| {
        let years = years.clone();
        let year_heading = Signal::derive(move || {
            let year = years.get(index).copied()?;
            let first =
                index == window.get().start || years.get(index.wrapping_sub(1)) != Some(&year);
            first.then(|| layout::year_point(year).label())
        });
        view! { <ListEvent tl=tl.clone() index=index year_heading=year_heading/> }
    };
    view! {
        <div class="timeline-list" node_ref=node tabindex="0" role="region" aria-label=tr(Msg::TimelineName)
            data-timeline="" on:keydown=on_keydown>
            <button type="button" class="tl-list-more" node_ref=earlier_ref
                hidden=move || window.get().start == 0
                on:click=move |_| window.update(|w| *w = w.earlier())>
                {move || more(Msg::ListEarlier, window.get().start)}
            </button>
            <ol class="events">
                <For each=rows key=|index| *index children=row/>
            </ol>
            <button type="button" class="tl-list-more" node_ref=later_ref
                hidden=move || window.get().after(total) == 0
                on:click=move |_| window.update(|w| *w = w.later(total))>
                {move || more(Msg::ListLater, window.get().after(total))}
            </button>
        </div>
    }
}

/// One event of the narrow list: a button that selects it, its detail below
/// when open.
#[component]
fn ListEvent(
    tl: Tl,
    /// The event's place in `tl.entries`.
    index: usize,
    /// The year, when the event is the first of its year in the list.
    year_heading: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let Some(event) = tl.event(index).map(|e| e.event.clone()) else {
        return ().into_any();
    };
    let style_of = layout::DateStyle::of(&event);
    let date = {
        let event = event.clone();
        move || event.date_label(lang.get().code())
    };
    let headline = localized(&event.headline);
    let selected = tl.selected;
    let detail = tl.detail;
    let open = {
        let current = tl.current.clone();
        move || current.selected(&Some(index)) && detail.get()
    };
    let node = NodeRef::<leptos::html::Button>::new();
    sync_selection(node, &tl, index, Some(detail));
    view! {
        <li class="event" class:tl-uncertain=style_of.uncertain>
            {move || year_heading.get().map(|year| view! { <h2 class="tl-year">{year}</h2> })}
            <button type="button" class="tl-list-event" data-event-id=event.id.clone()
                tabindex="-1" node_ref=node
                on:click=move |_| { selected.set(Some(index)); detail.set(true); }>
                <span class="event-date">{date}
                    {style_of.uncertain.then(|| view! { " (" {tr(Msg::UncertainDate)} ")" })}
                </span>
                <span class="event-headline">{headline}</span>
            </button>
            {move || open().then(|| view! { <EventDetail tl=tl.clone() index=index/> })}
        </li>
    }
    .into_any()
}
