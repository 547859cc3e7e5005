use super::*;

/// One event on the axis: a bar over its span (a dot for a day) and its label.
/// Its words are set once, in `lang` (the marks are made again when the reader
/// changes language), and its clicks are handled on the axis
/// (`on_axis_click`): a few hundred marks are made for the first view.
#[component]
pub(super) fn EventMark(
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
    let mut name = format!("{headline}, {}", event.date_label_in(&Intl(lang)));
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
pub(super) fn sync_selection(
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
