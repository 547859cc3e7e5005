//! The loading contract shared by every route: the app's root element carries
//! `data-state` = `loading` | `ready` | `error`, which tests and embedders wait on.
//! Async data goes through [`with_data`], the one loading/error pattern of the app.

use std::fmt;
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::lang::tr;

/// Where the current route stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageState {
    Loading,
    Ready,
    Error,
}

impl PageState {
    pub fn as_str(self) -> &'static str {
        match self {
            PageState::Loading => "loading",
            PageState::Ready => "ready",
            PageState::Error => "error",
        }
    }
}

/// The current route's state, provided by the app root and mirrored onto `#app`.
#[derive(Clone, Copy)]
pub struct PageStateContext(pub RwSignal<PageState>);

pub fn page_state() -> RwSignal<PageState> {
    expect_context::<PageStateContext>().0
}

/// For routes that need no async data: ready once mounted and rendered.
pub fn mark_ready_when_mounted() {
    let state = page_state();
    // Effects run after the view is in the DOM.
    Effect::new(move |_| state.set(PageState::Ready));
}

/// A failure to load something the route needs, with where it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// The URL (or file) that failed.
    pub source: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// Renders `resource`: a progress indicator while it loads, a readable error with a
/// retry button when it failed, `render` once it is there. Reports the route's
/// state for `data-state` as it goes.
pub fn with_data<T, V>(
    resource: LocalResource<Result<T, LoadError>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    with_data_until(resource, None, render)
}

/// Like [`with_data`], but once the data is there the route is only as ready as
/// `view_state` says: for views that finish rendering later (the map, once
/// Leaflet has drawn its layers), so tests never see "ready" too early.
pub fn with_data_until<T, V>(
    resource: LocalResource<Result<T, LoadError>>,
    view_state: Option<RwSignal<PageState>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Erased here so that every route shares one copy of the loading, error
    // and reactive rendering code below instead of one inlined per route
    // (smaller wasm); only `render` itself stays per route.
    data_view(
        resource,
        view_state,
        Arc::new(move |value| render(value).into_any()),
    )
}

/// The body of [`with_data_until`], generic only over the data.
fn data_view<T>(
    resource: LocalResource<Result<T, LoadError>>,
    view_state: Option<RwSignal<PageState>>,
    render: Arc<dyn Fn(T) -> AnyView + Send + Sync>,
) -> impl IntoView + use<T>
where
    T: Clone + Send + Sync + 'static,
{
    let state = page_state();
    Effect::new(move |_| {
        state.set(match resource.get() {
            None => PageState::Loading,
            Some(Ok(_)) => view_state.map_or(PageState::Ready, |s| s.get()),
            Some(Err(_)) => PageState::Error,
        });
    });
    move || match resource.get() {
        None => view! { <Progress/> }.into_any(),
        Some(Ok(value)) => render(value),
        Some(Err(error)) => view! {
            <LoadFailure error=error on_retry=move || {
                // Back to the progress indicator (and `loading`) while it
                // asks again: a resource keeps its last value until the new
                // one arrives, which may be the inactivity limit away.
                resource.set(None);
                resource.refetch();
            }/>
        }
        .into_any(),
    }
}

/// The visible progress indicator while data loads.
#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <div class="progress" role="status">
            <span class="progress-bar" aria-hidden="true"></span>
            <span>{tr(Msg::Loading)}</span>
        </div>
    }
}

/// What the reader sees when loading failed: what and where, and a way to retry.
#[component]
pub fn LoadFailure(
    /// What failed and where.
    error: LoadError,
    /// Called by the retry button.
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <p><strong>{tr(Msg::LoadFailed)}</strong></p>
            <p class="load-error-detail"><code>{error.source}</code>": "{error.message}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{tr(Msg::Retry)}</button>
        </div>
    }
}
