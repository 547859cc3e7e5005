use super::*;
use crate::timeline::gesture::SlideSwipe;
use crate::timeline::slides::{SlideMove, TitleSlide, neighbours, position, slide_key, step_slide};

/// The current slide above the axis: the title slide (`selected` is `None`)
/// or the selected event's, large, with Previous and Next. The axis follows
/// the slide (selecting reveals the event there) and the slide the axis (it
/// shows whatever is selected).
#[component]
pub(super) fn SlidePanel(tl: Tl, title: Option<Arc<TitleSlide>>) -> impl IntoView {
    let lang = use_lang();
    let count = tl.entries.len();
    let has_title = title.is_some();
    let go = {
        let tl = tl.clone();
        move |step: SlideMove| {
            let next = step_slide(tl.selected.get_untracked(), step, count, has_title);
            if next != tl.selected.get_untracked() {
                tl.select(next);
            }
        }
    };
    // A slide's headline, for the buttons' descriptions.
    let headline_of = {
        let tl = tl.clone();
        let title = title.clone();
        move |slide: Option<usize>, code: &str| -> String {
            match slide {
                None => title
                    .as_ref()
                    .map(|t| t.headline.resolve(code).to_owned())
                    .unwrap_or_default(),
                Some(i) => tl
                    .event(i)
                    .map(|e| e.event.headline.resolve(code).to_owned())
                    .unwrap_or_default(),
            }
        }
    };
    let selected = tl.selected;
    let around = move || neighbours(selected.get(), count, has_title);
    let description = {
        let headline_of = headline_of.clone();
        move |msg: Msg, slide: Option<Option<usize>>| {
            let lang = lang.get();
            slide
                .map(|s| fill(msg.text(lang), &[("title", &headline_of(s, lang.code()))]))
                .unwrap_or_default()
        }
    };
    let previous_text = {
        let description = description.clone();
        move || description(Msg::SlidePreviousIs, around().0)
    };
    let next_text = move || description(Msg::SlideNextIs, around().1);
    let counter = {
        let intl = use_intl();
        move || {
            let (at, total) = position(selected.get(), count, has_title);
            crate::i18n::nth_of(&intl(), Msg::SlideOf, at, total)
        }
    };
    let rtl = move || lang.get().is_rtl();
    let on_keydown = {
        let go = go.clone();
        move |ev: web_sys::KeyboardEvent| {
            // Media controls and links keep their keys.
            let in_control = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| {
                    el.closest("audio, video, input, select, textarea")
                        .ok()
                        .flatten()
                })
                .is_some();
            if in_control || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key() {
                return;
            }
            if let Some(step) = slide_key(&ev.key(), rtl()) {
                ev.prevent_default();
                go(step);
            }
        }
    };
    let swipe = StoredValue::new(SlideSwipe::default());
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            swipe.update_value(|s| {
                s.down(
                    ev.pointer_id(),
                    f64::from(ev.client_x()),
                    f64::from(ev.client_y()),
                )
            });
        }
    };
    let on_pointerup = {
        let go = go.clone();
        move |ev: web_sys::PointerEvent| {
            let mut step = None;
            swipe.update_value(|s| {
                step = s.up(
                    ev.pointer_id(),
                    f64::from(ev.client_x()),
                    f64::from(ev.client_y()),
                    rtl(),
                );
            });
            if let Some(step) = step {
                go(step);
            }
        }
    };
    let content = {
        let tl = tl.clone();
        move || match selected.get() {
            None => title
                .as_ref()
                .map(|t| title_content(t))
                .unwrap_or_else(|| ().into_any()),
            Some(index) => event_content(&tl, index),
        }
    };
    let event_id = {
        let tl = tl.clone();
        move || {
            selected
                .get()
                .and_then(|i| tl.event(i))
                .map(|e| e.event.id.clone())
        }
    };
    let (back_glyph, forward_glyph) = (
        move || if rtl() { "→" } else { "←" },
        move || if rtl() { "←" } else { "→" },
    );
    let previous = {
        let go = go.clone();
        move |_| go(SlideMove::Previous)
    };
    let next = move |_| go(SlideMove::Next);
    view! {
        <div class="tl-slides">
            <section class="tl-slide" data-timeline-slide="" role="region" aria-roledescription="slide"
                aria-labelledby="tl-slide-heading" tabindex="0" data-event-id=event_id
                data-slide=move || if selected.get().is_none() { "title" } else { "event" }
                on:keydown=on_keydown on:pointerdown=on_pointerdown on:pointerup=on_pointerup
                on:pointercancel=move |_| swipe.update_value(SlideSwipe::cancel)>
                {content}
            </section>
            <div class="tl-slide-nav">
                <button type="button" class="button" data-timeline-slide-previous=""
                    aria-describedby="tl-slide-previous-is" disabled=move || around().0.is_none()
                    on:click=previous>
                    <span aria-hidden="true">{back_glyph}</span>" "{tr(Msg::PreviousSlide)}
                </button>
                <span class="tl-slide-counter" data-timeline-slide-counter="">{counter}</span>
                <button type="button" class="button" data-timeline-slide-next=""
                    aria-describedby="tl-slide-next-is" disabled=move || around().1.is_none()
                    on:click=next>
                    {tr(Msg::NextSlide)}" "<span aria-hidden="true">{forward_glyph}</span>
                </button>
                <span id="tl-slide-previous-is" class="visually-hidden">{previous_text}</span>
                <span id="tl-slide-next-is" class="visually-hidden">{next_text}</span>
            </div>
        </div>
    }
}

/// The title slide: the document's (or dataset's) title, text and media.
fn title_content(title: &TitleSlide) -> AnyView {
    let headline = localized(&title.headline);
    let media = title.media.clone().map(|m| view! { <MediaView media=m/> });
    view! {
        <div class="tl-slide-body">
            <div class="tl-slide-text">
                <h2 id="tl-slide-heading">{headline}</h2>
                <RichText text=title.text.clone()/>
            </div>
            {media.map(|m| view! { <div class="tl-slide-media">{m}</div> })}
        </div>
    }
    .into_any()
}

/// An event's slide: date at its precision, headline, text, media large (with
/// its credit and caption), links to the case and the map.
fn event_content(tl: &Tl, index: usize) -> AnyView {
    let Some(entry) = tl.event(index) else {
        return ().into_any();
    };
    let lang = use_lang();
    let event = entry.event.clone();
    let style_of = layout::DateStyle::of(&event);
    let date = {
        let event = event.clone();
        move || event.date_label_in(&Intl(lang.get()))
    };
    let headline = localized(&event.headline);
    let media = event
        .media
        .clone()
        .map(|m| view! { <div class="tl-slide-media"><MediaView media=m/></div> });
    view! {
        <div class="tl-slide-body">
            <div class="tl-slide-text">
                <p class="tl-slide-date">
                    {date}
                    {style_of.uncertain.then(|| view! { " (" {tr(Msg::UncertainDate)} ")" })}
                </p>
                <h2 id="tl-slide-heading">{headline}" "<IllustrativeBadge illustrative=event.illustrative/></h2>
                <RichText text=event.text.clone()/>
                <EventLinks tl=tl.clone() index=index/>
            </div>
            {media}
        </div>
    }
    .into_any()
}
