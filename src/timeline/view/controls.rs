use super::*;
use crate::i18n::Locale;
use crate::timeline::slides::TimelineLayout;

/// Zoom, pan and grouping controls.
#[component]
pub(super) fn Controls(tl: Tl, narrow: RwSignal<bool>) -> impl IntoView {
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
    let layout = tl.layout;
    let on_layout = move |ev: leptos::ev::Event| {
        let chosen = if event_target_value(&ev) == "axis" {
            TimelineLayout::Axis
        } else {
            TimelineLayout::Slides
        };
        layout.set(chosen);
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
            <label class="timeline-group">
                <span>{tr(Msg::TimelineLayout)}</span>" "
                <select on:change=on_layout data-timeline-layout-choice="">
                    {[(TimelineLayout::Slides, Msg::TimelineLayoutSlides), (TimelineLayout::Axis, Msg::TimelineLayoutAxis)]
                        .into_iter()
                        .map(|(l, msg)| view! {
                            <option value=l.as_str() selected=move || layout.get() == l>{tr(msg)}</option>
                        })
                        .collect_view()}
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
pub(super) fn on_key(
    tl: &Tl,
    ev: &web_sys::KeyboardEvent,
    container: Option<web_sys::HtmlElement>,
) {
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
pub(super) fn keydown_handler(
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
pub(super) fn focus_selected(container: Option<web_sys::HtmlElement>) {
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
pub(super) fn lane_label(tl: &Tl, key: &str) -> impl Fn() -> String + use<> {
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
            Grouping::Country => crate::ui::intl::Intl(lang.get()).country(&key),
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
pub(super) fn kind_label(name: &str) -> Msg {
    crate::i18n::outcome_kind(crate::model::OutcomeKind::from_name(name))
}
