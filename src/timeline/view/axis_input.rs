//! What the axis listens to besides the keyboard: its size and place on
//! screen (window resize and scroll, printing), and pointers and the wheel,
//! read through the pure `timeline::gesture` state machine.

use super::*;

/// Measures the axis once mounted and on resize, and tracks which band of it
/// is on screen. Returns (measured, band): whether it has been measured, and
/// the band on screen in its own pixels.
pub(super) fn measure_axis(
    node: NodeRef<leptos::html::Div>,
    width: RwSignal<f64>,
) -> (RwSignal<bool>, RwSignal<(f64, f64)>) {
    // Measure the axis once mounted and on resize. Events are laid out only
    // once it is measured: laying out 10,000 events for a guessed width and
    // again for the real one doubled the time to the first event.
    let measured = RwSignal::new(false);
    // The band of the axis on screen, in its own pixels: only its lanes are
    // drawn (a timeline grouped in a dozen lanes is taller than a screen).
    let band = RwSignal::new((0.0, f64::INFINITY));
    // While printing every lane stays drawn: the print's own layout, a
    // scroll still settling (Home brings the first event back) or a resize
    // must not narrow the band back to the screen's before the paper is done.
    let printing = StoredValue::new(false);
    let track_band = move || {
        if printing.try_get_value().unwrap_or(false) {
            return;
        }
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
        printing.try_set_value(true);
        let _ = band.try_set((f64::NEG_INFINITY, f64::INFINITY));
    });
    let after_print = window_event_listener_untyped("afterprint", move |_| {
        printing.try_set_value(false);
        track_band();
    });
    on_cleanup(move || {
        resize.remove();
        scroll.remove();
        before_print.remove();
        after_print.remove();
    });
    (measured, band)
}

/// The axis' pointer handler (for pointerdown, pointermove, pointerup and
/// pointercancel alike) and wheel handler: drag to pan, pinch to zoom, wheel
/// to zoom (Shift or a horizontal wheel pans).
pub(super) fn pointer_handlers(
    node: NodeRef<leptos::html::Div>,
    vp: RwSignal<Viewport>,
    width: RwSignal<f64>,
) -> (
    impl Fn(web_sys::PointerEvent) + Copy + 'static,
    impl Fn(web_sys::WheelEvent) + Copy + 'static,
) {
    // A finger or button that goes down on an event (or another control) is
    // followed too, since a pinch often starts on one, but the axis captures it
    // only once it moves: a tap or click still reaches the control.
    let gesture: StoredValue<AxisGesture> = StoredValue::new(AxisGesture::default());
    let capture = move |id: i32| {
        if let Some(el) = node.get_untracked() {
            let _ = el.set_pointer_capture(id);
        }
    };
    // What the gesture asks for, in days: pixels over the current scale, a
    // client x over the axis' own left edge.
    let apply = move |action: AxisAction| {
        let w = width.get_untracked();
        match action {
            AxisAction::Drag { dx } => vp.update(|v| *v = v.pan(-dx / v.px_per_day(w))),
            AxisAction::Scroll { dx } => vp.update(|v| *v = v.pan(dx / v.px_per_day(w))),
            AxisAction::Zoom { factor, at } => {
                let left = node
                    .get_untracked()
                    .map_or(0.0, |el| el.get_bounding_client_rect().left());
                vp.update(|v| *v = v.zoom(factor, v.day_at(at - left, w)));
            }
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let x = f64::from(ev.client_x());
        let on_control = event_in_control(&ev);
        if gesture
            .try_update_value(|g| g.down(id, x, on_control))
            .unwrap_or(false)
        {
            capture(id);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let x = f64::from(ev.client_x());
        let pressed = ev.buttons() != 0;
        let Some(step) = gesture.try_update_value(|g| g.moved(id, x, pressed)) else {
            return;
        };
        if step.capture {
            capture(id);
        }
        if let Some(action) = step.action {
            apply(action);
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        gesture.update_value(|g| g.up(id));
    };
    let on_pointer = move |ev: web_sys::PointerEvent| match ev.type_().as_str() {
        "pointerdown" => on_down(ev),
        "pointermove" => on_move(ev),
        _ => on_up(ev),
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        apply(gesture::wheel(
            ev.delta_x(),
            ev.delta_y(),
            ev.shift_key(),
            f64::from(ev.client_x()),
        ));
    };
    (on_pointer, on_wheel)
}

/// Whether a pointer event started on a button or link (which keep their own behaviour).
pub(super) fn event_in_control(ev: &web_sys::PointerEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("button, a, select").ok().flatten())
        .is_some()
}
