//! The reader app's root (index.html, bin `mapline-web`): its routes, the
//! heavy pages among them loaded lazily (`lazy`). It lives in the bin, not
//! the library, because a split point is an exported function, which the
//! linker keeps in every wasm that links it: in the library, every other
//! entry point (the studio, the embeds) would carry every reader page.

mod lazy;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, path};

use mapline::app::home::Home;
use mapline::app::shell::{Chrome, Entry, NotFound, RenderFailure, provide_page_contexts};
use mapline::ui::links::BASE;

/// Mounts the reader app.
pub fn start() {
    mapline::data::files::set_importers(lazy::importers);
    mapline::app::take_over_published_pages();
    mapline::app::start_with(App);
}

/// The reader app: every page but the studio (`/preview`, an entry point of
/// its own), and the embeds too, for hosts that send every address to
/// `index.html` instead of an embed's own `embed/<kind>/index.html`.
#[component]
pub fn App() -> impl IntoView {
    provide_page_contexts(Entry::Reader);
    view! {
        <Router base=BASE.with(Clone::clone)>
            <ErrorBoundary fallback=|errors| view! { <RenderFailure errors=errors/> }>
                <Routes fallback=|| view! { <Chrome><NotFound/></Chrome> }>
                    <ParentRoute path=path!("") view=|| view! { <Chrome><Outlet/></Chrome> }>
                        <Route path=path!("") view=Home/>
                        <Route path=path!("map") view={Lazy::<lazy::MapRoute>::new()}/>
                        <Route path=path!("timeline") view={Lazy::<lazy::TimelineRoute>::new()}/>
                        <Route path=path!("stories") view={Lazy::<lazy::StoriesRoute>::new()}/>
                        <Route path=path!("stories/:id") view={Lazy::<lazy::StoryRoute>::new()}/>
                        <Route path=path!("galleries") view={Lazy::<lazy::GalleriesRoute>::new()}/>
                        <Route path=path!("galleries/:id") view={Lazy::<lazy::GalleryRoute>::new()}/>
                        <Route path=path!("cases/:id") view={Lazy::<lazy::CaseRoute>::new()}/>
                        <Route path=path!("members/:id") view={Lazy::<lazy::MemberRoute>::new()}/>
                        <Route path=path!("campaigns") view={Lazy::<lazy::CampaignsRoute>::new()}/>
                        <Route path=path!("campaigns/:id") view={Lazy::<lazy::CampaignRoute>::new()}/>
                    </ParentRoute>
                    <Route path=path!("embed/timeline") view={Lazy::<lazy::EmbedTimelineRoute>::new()}/>
                    <Route path=path!("embed/story") view={Lazy::<lazy::EmbedStoryRoute>::new()}/>
                    <Route path=path!("embed/map") view={Lazy::<lazy::EmbedMapRoute>::new()}/>
                    <Route path=path!("embed/gallery") view={Lazy::<lazy::EmbedGalleryRoute>::new()}/>
                </Routes>
            </ErrorBoundary>
        </Router>
    }
}
