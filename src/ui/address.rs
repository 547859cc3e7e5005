//! The page's address as views keep it in step with what the reader sees
//! (`?event=`, `?photo=`, `#event=…` for hosts): replaced in place, so no
//! history entry is added, and the router's history state is kept.

/// Sets (or, with `None`, removes) query parameters of the current address.
pub fn replace_query(params: &[(&str, Option<&str>)]) {
    replace_address(|url| {
        let search = url.search_params();
        for (name, value) in params {
            match value {
                Some(value) => search.set(name, value),
                None => search.delete(name),
            }
        }
        url.set_search(&search.to_string().as_string().unwrap_or_default());
    });
}

/// Sets the address's hash (`event=abc`), for pages that embed us to deep-link.
pub fn replace_hash(hash: &str) {
    replace_address(|url| url.set_hash(hash));
}

fn replace_address(change: impl FnOnce(&web_sys::Url)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    change(&url);
    let next = url.href();
    if next == href {
        return;
    }
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&next));
    }
}
