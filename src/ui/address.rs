//! The page's address, read and written in one place: its query parameters
//! read, and replaced in place as views keep it in step with what the reader
//! sees (`?event=`, `?photo=`, the map's view, `#event=…` for hosts), so no
//! history entry is added and the router's history state is kept.

/// The current page's query (`?a=b&…`, as `location.search` gives it).
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current page's query parameters, decoded, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&current_search()) else {
        return pairs;
    };
    for entry in params.entries().into_iter().flatten() {
        let entry = js_sys::Array::from(&entry);
        if let (Some(key), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((key, value));
        }
    }
    pairs
}

/// One query parameter of the current page, decoded; `None` when absent or
/// empty.
pub fn query_param(name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(&current_search())
        .ok()?
        .get(name)
        .filter(|v| !v.is_empty())
}

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

/// Replaces the query parameters a view owns (`owned`): each is removed, then
/// `pairs` are added in their order; the others (`data`, `lang`, …) stay.
pub fn replace_owned_query(owned: &[&str], pairs: &[(&str, String)]) {
    replace_address(|url| {
        let search = url.search_params();
        for name in owned {
            search.delete(name);
        }
        for (name, value) in pairs {
            search.append(name, value);
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
