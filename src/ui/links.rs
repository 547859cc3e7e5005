//! In-app links: every address under the public URL, built from a typed
//! [`Route`] (`crate::route`, which also carries the page's `data` and
//! `source`), and the route's `:id`.

use leptos::prelude::*;

use crate::route::{Route, with_carried};
use crate::ui::address::current_search;

/// The public URL's path (from `<base href>`, set by Trunk), without the trailing
/// slash: the router's base, so the app works from a subfolder.
fn router_base() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

thread_local! {
    pub static BASE: String = router_base();
}

/// An app path (`/stories/x`) as a link target under the public URL
/// (`/sub/stories/x`), carrying the page's `data` and `source`
/// (`crate::route`). leptos_router leaves absolute hrefs as they are, so every
/// in-app link goes through this.
pub fn app_href(path: &str) -> String {
    let path = with_carried(path, &current_search());
    BASE.with(|base| format!("{base}{path}"))
}

/// A page's address under the public URL, with the page's data carried.
pub fn href(route: Route<'_>) -> String {
    app_href(&route.path())
}

/// The `:id` parameter of the current route, reactive.
pub fn route_id() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.read().get("id").unwrap_or_default()
}
