//! The app shell: header with navigation and language, the not-found page, what
//! every entry point's root provides (the reader app's routes are its bin's,
//! src/reader/mod.rs).

use crate::data::provide_network_data;
use crate::i18n::Msg;
use crate::route::Route as Page;
use crate::ui::lang::{LanguageSelect, provide_lang, tr};
use crate::ui::links::{BASE, href};
use crate::ui::state::{PageState, PageStateContext, mark_ready_when_mounted};
use leptos::prelude::*;
use leptos_router::components::{A, Router};

/// Which entry point (its own wasm, `dist/<path>/index.html`) this page is.
/// A link to another entry point is a full page load (`rel="external"`):
/// the router here knows only its own pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Reader,
    Studio,
    Embed,
}

/// The page of an embed: the contexts every page has and its one view, with
/// no router (about 6 KB of gzipped wasm less): every link in an embed's view
/// is to another page (a case, the map, the full app), which the browser loads,
/// and the view reads and keeps its own query through `ui::address`.
pub fn single_page(entry: Entry, page: fn() -> AnyView) -> impl IntoView {
    provide_page_contexts(entry);
    view! {
        <ErrorBoundary fallback=|errors| view! { <RenderFailure errors=errors/> }>
            {page()}
        </ErrorBoundary>
    }
}

/// The page of an entry point that shows one view in the site's chrome (the
/// studio): the contexts every page has, and a router for the chrome's links
/// and search. It has no routes: a link to another page is followed by
/// loading that page.
pub fn routed_single_page(entry: Entry, page: fn() -> AnyView) -> impl IntoView {
    provide_page_contexts(entry);
    view! {
        <Router base=BASE.with(Clone::clone)>
            <LoadOtherPages/>
            <ErrorBoundary fallback=|errors| view! { <RenderFailure errors=errors/> }>
                {page()}
            </ErrorBoundary>
        </Router>
    }
}

/// A link to another path is followed by the browser, not the router: its
/// page belongs to another entry point, which this router knows nothing of
/// (it would change the address and show nothing new). Query and hash links
/// (`?event=`, `#photo=`) stay with the router, in this page.
#[component]
fn LoadOtherPages() -> impl IntoView {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let plain = ev.button() == 0
            && !(ev.default_prevented()
                || ev.meta_key()
                || ev.ctrl_key()
                || ev.shift_key()
                || ev.alt_key());
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let here = window().location();
        let elsewhere = link.origin() == here.origin().unwrap_or_default()
            && link.pathname() != here.pathname().unwrap_or_default();
        if plain && elsewhere && link.target().is_empty() && !link.has_attribute("download") {
            // Before the router's own listener (this one captures): the
            // browser then follows the link as it would without the app.
            ev.stop_immediate_propagation();
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The root of an entry point lives as long as the page.
    on_click.forget();
}

/// What every page has: the language, the data, its entry point, and the
/// loading state mirrored onto `#app`.
pub fn provide_page_contexts(entry: Entry) {
    provide_lang();
    provide_network_data();
    provide_context(entry);
    let state = RwSignal::new(PageState::Loading);
    provide_context(PageStateContext(state));
    crate::embed::messaging::start(state);

    // Mirror the state onto #app, which lives outside the reactive tree. A
    // published page's content is there to read while the app loads (not
    // busy); the app's render takes its place once ready (or failed).
    Effect::new(move |_| {
        if let Some(root) = document().get_element_by_id("app") {
            let current = state.get();
            if current != PageState::Loading {
                crate::app::take_over();
            }
            let _ = root.set_attribute("data-state", current.as_str());
            let busy = current == PageState::Loading && !crate::app::showing_published();
            let _ = root.set_attribute("aria-busy", if busy { "true" } else { "false" });
        }
    });
}

/// `rel="external"` for a link from this entry point to another one.
fn rel_to(target: Entry) -> Option<&'static str> {
    let here = use_context::<Entry>().unwrap_or(Entry::Reader);
    (here != target).then_some("external")
}

/// Header, main landmark and footer around a full-page route.
#[component]
pub fn Chrome(children: Children) -> impl IntoView {
    // With <base href> set, a plain href="#main" would navigate to the base URL;
    // the skip link moves focus itself instead.
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    let reader = rel_to(Entry::Reader);
    view! {
        <a class="skip-link" href="#main" on:click=skip>{tr(Msg::SkipToContent)}</a>
        <header class="site-header">
            <A href=href(Page::Home) attr:class="brand" attr:rel=reader>
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <path d="M6 22 L13 12 L19 19 L26 9" stroke="currentColor" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
                </svg>
                <span>{tr(Msg::AppName)}</span>
            </A>
            <nav class="site-nav" aria-label=tr(Msg::MainNavigation)>
                <ul>
                    <li><A href=href(Page::Map) attr:rel=reader>{tr(Msg::NavMap)}</A></li>
                    <li><A href=href(Page::Timeline) attr:rel=reader>{tr(Msg::NavTimeline)}</A></li>
                    <li><A href=href(Page::Stories) attr:rel=reader>{tr(Msg::NavStories)}</A></li>
                    <li><A href=href(Page::Galleries) attr:rel=reader>{tr(Msg::NavGalleries)}</A></li>
                    <li><A href=href(Page::Preview) attr:rel=rel_to(Entry::Studio)>{tr(Msg::NavPreview)}</A></li>
                </ul>
            </nav>
            <crate::search::view::SearchBox/>
            <LanguageSelect/>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr(Msg::IllustrativeNote)}</p>
        </footer>
    }
}

/// Shown for any address that matches no route.
#[component]
pub fn NotFound() -> impl IntoView {
    mark_ready_when_mounted();
    view! {
        <section class="not-found" data-page="not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundText)}</p>
            <p><A href=href(Page::Home)>{tr(Msg::BackHome)}</A></p>
        </section>
    }
}

/// The error boundary's message: readable, never a blank page.
#[component]
pub fn RenderFailure(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let state = crate::ui::state::page_state();
    Effect::new(move |_| state.set(PageState::Error));
    view! {
        <div class="load-error" role="alert">
            <p><strong>{tr(Msg::Crashed)}</strong></p>
            <ul>
                {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
            </ul>
        </div>
    }
}
