//! In-app links: every address under the public URL, built from a typed
//! [`Route`] (`crate::route`, which also carries the page's `data`, `source`
//! and `lang`), and the route's `:id`.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::route::{Route, with_carried};
use crate::ui::address::current_search;
use crate::ui::lang::LangContext;

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

/// `path` under the public URL with the current page's carried parameters,
/// `lang` being the reader's language when known.
fn address(path: &str, lang: Option<Lang>) -> String {
    let path = with_carried(path, &current_search(), lang.map(Lang::code));
    BASE.with(|base| format!("{base}{path}"))
}

/// An app path (`/stories/x`) as a link target under the public URL
/// (`/sub/stories/x`), carrying the page's `data`, `source` and `lang`
/// (`crate::route`). leptos_router leaves absolute hrefs as they are, so every
/// in-app link goes through this. Reactive: a `lang` carried follows the
/// language menu, so a link drawn before the reader changed language does not
/// switch it back.
pub fn app_href(path: &str) -> impl Fn() -> String + Clone + Send + Sync + 'static + use<> {
    let lang = use_context::<LangContext>().map(|context| context.0);
    let path = path.to_owned();
    move || address(&path, lang.map(|lang| lang.get()))
}

/// A page's address under the public URL, with the page's data and language
/// carried ([`app_href`]).
pub fn href(route: Route<'_>) -> impl Fn() -> String + Clone + Send + Sync + 'static + use<> {
    app_href(&route.path())
}

/// A page's address as [`href`] gives it, once (to navigate to it now: the
/// address's `lang`, if any, is already the reader's, `ui::lang`).
pub fn href_now(route: Route<'_>) -> String {
    address(&route.path(), None)
}

/// The `:id` parameter of the current route, reactive.
pub fn route_id() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.read().get("id").unwrap_or_default()
}
