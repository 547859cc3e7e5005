//! Pacing work across frames: futures that let the browser render between
//! two parts of a task that would otherwise make one long frame.

/// Resolves in the next animation frame (at once when there is no window).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let requested = web_sys::window()
            .map(|window| window.request_animation_frame(&resolve).is_ok())
            .unwrap_or(false);
        if !requested {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a task of its own (a zero timeout): the browser may render a
/// frame that is due before it. Unlike [`next_frame`] it also resolves
/// where no frame is drawn (a background tab, a cross-origin frame scrolled
/// out of view), so loading never waits for the reader to look.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window().map(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if set != Some(true) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
