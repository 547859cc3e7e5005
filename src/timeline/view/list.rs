use super::*;

/// The timeline as a vertical list, year by year (narrow screens), with the same
/// selection contract as the axis. Only a window of it is in the DOM
/// ([`ListWindow`]): it grows as the reader scrolls near either end (or uses
/// the buttons there) and follows the selection.
#[component]
pub(super) fn TimelineList(tl: Tl) -> impl IntoView {
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
    let intl = use_intl();
    let more = move |msg: Counted, n: usize| count_in(&intl(), msg, n);
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
            first.then(|| layout::year_point(year).label_in(&intl()))
        });
        view! { <ListEvent tl=tl.clone() index=index year_heading=year_heading/> }
    };
    view! {
        <div class="timeline-list" node_ref=node tabindex="0" role="region" aria-label=tr(Msg::TimelineName)
            data-timeline="" on:keydown=on_keydown>
            <button type="button" class="tl-list-more" node_ref=earlier_ref
                hidden=move || window.get().start == 0
                on:click=move |_| window.update(|w| *w = w.earlier())>
                {move || more(Counted::ListEarlier, window.get().start)}
            </button>
            <ol class="events">
                <For each=rows key=|index| *index children=row/>
            </ol>
            <button type="button" class="tl-list-more" node_ref=later_ref
                hidden=move || window.get().after(total) == 0
                on:click=move |_| window.update(|w| *w = w.later(total))>
                {move || more(Counted::ListLater, window.get().after(total))}
            </button>
        </div>
    }
}

/// One event of the narrow list: a button that selects it, its detail below
/// when open.
#[component]
pub(super) fn ListEvent(
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
        move || event.date_label_in(&Intl(lang.get()))
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
