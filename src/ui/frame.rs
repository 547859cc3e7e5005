//! Pacing work across frames: a future that resolves in the next animation
//! frame, so a task that would make one long frame can split its work.

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
