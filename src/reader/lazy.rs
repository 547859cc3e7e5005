//! The reader app's heavy pages as lazy routes (issue #19): the views of each
//! group of pages (map; timeline; stories; galleries; record pages; embeds)
//! are one split point, so their code goes into wasm modules the browser
//! fetches when one of those routes is first shown; the shell, the home page
//! and the data loader stay in the main module. One split point per group, not
//! per route: the splitter makes a shared chunk for every set of split points
//! that uses a function, so fewer split points mean far fewer (and better
//! compressed) files to fetch (14 to 22 a page instead of up to 59). The build
//! splits the wasm after linking (scripts/post-build.sh, wasm-split-cli).
//!
//! `fallible`: a chunk that fails to download (a phone losing its network)
//! is an `Err` shown as a readable message with a retry, not a panic (which
//! would kill the page); `leptos::lazy` has no such option in 0.8.23.

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use leptos_router::LazyRoute;

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use mapline::app::embeds;
use mapline::app::records::RECORD_PARTS;
use mapline::data::files::without_foreign_files;
use mapline::i18n::Msg;
use mapline::import::load_without_importers as without_importers;
use mapline::model::{Loaded, SourceFile};
use mapline::ui::lang::tr;
use mapline::ui::state::{PageState, PageStateContext, page_state};
use mapline::{gallery, map, pages, story, timeline};

/// A page's code could not be downloaded.
pub struct CodeNotLoaded;

impl From<SplitLoaderError> for CodeNotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        CodeNotLoaded
    }
}

/// Which page of a group a lazy route shows.
#[derive(Clone, Copy, Debug)]
pub enum Page {
    Map,
    Timeline,
    StoriesIndex,
    Story,
    GalleriesIndex,
    Gallery,
    Case,
    Member,
    CampaignsIndex,
    Campaign,
    EmbedTimeline,
    EmbedStory,
    EmbedMap,
    EmbedGallery,
}

#[wasm_split(mapline_map_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn map_pages(_page: Page) -> Result<AnyView, CodeNotLoaded> {
    Ok(view! { <map::view::MapPage/> }.into_any())
}

#[wasm_split(mapline_timeline_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn timeline_pages(_page: Page) -> Result<AnyView, CodeNotLoaded> {
    Ok(view! { <timeline::view::TimelinePage/> }.into_any())
}

#[wasm_split(mapline_story_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn story_pages(page: Page) -> Result<AnyView, CodeNotLoaded> {
    Ok(match page {
        Page::Story => view! { <story::view::StoryPage/> }.into_any(),
        _ => view! { <story::view::StoriesIndex/> }.into_any(),
    })
}

#[wasm_split(mapline_gallery_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn gallery_pages(page: Page) -> Result<AnyView, CodeNotLoaded> {
    Ok(match page {
        Page::Gallery => view! { <gallery::view::GalleryPage/> }.into_any(),
        _ => view! { <gallery::view::GalleriesIndex/> }.into_any(),
    })
}

#[wasm_split(mapline_record_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn record_pages(page: Page) -> Result<AnyView, CodeNotLoaded> {
    Ok(match page {
        Page::Member => view! { <pages::view::MemberPage parts=RECORD_PARTS/> }.into_any(),
        Page::CampaignsIndex => view! { <pages::view::CampaignsIndex/> }.into_any(),
        Page::Campaign => view! { <pages::view::CampaignPage parts=RECORD_PARTS/> }.into_any(),
        _ => view! { <pages::view::CasePage parts=RECORD_PARTS/> }.into_any(),
    })
}

#[wasm_split(mapline_embed_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn embed_pages(page: Page) -> Result<AnyView, CodeNotLoaded> {
    Ok(match page {
        Page::EmbedStory => view! { <embeds::EmbedStory/> }.into_any(),
        Page::EmbedMap => view! { <embeds::EmbedMap/> }.into_any(),
        Page::EmbedGallery => view! { <embeds::EmbedGallery/> }.into_any(),
        _ => view! { <embeds::EmbedTimeline/> }.into_any(),
    })
}

/// The importers (TimelineJS3, StoryMapJS, CSV and the HTML they hold), a
/// split point of their own: the network's own data never needs them.
#[wasm_split(mapline_importers, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_with_importers(files: Rc<[SourceFile]>) -> Result<Loaded, CodeNotLoaded> {
    Ok(mapline::import::load_any(&files))
}

/// [`mapline::data::files::Importers`]: Mapline documents read by the main
/// module, any other file through the importers' own module; when it cannot
/// be fetched, everything else still loads and each file that needed it
/// says so.
pub fn importers(files: Vec<SourceFile>) -> Pin<Box<dyn Future<Output = Loaded>>> {
    if let Some(loaded) = without_foreign_files(&files) {
        return Box::pin(async move { loaded });
    }
    let files: Rc<[SourceFile]> = files.into();
    Box::pin(async move {
        match load_with_importers(files.clone()).await {
            Ok(loaded) => loaded,
            Err(CodeNotLoaded) => without_importers(&files, IMPORTERS_NOT_LOADED),
        }
    })
}

/// A file in a peer's format, when the importers' module did not download.
const IMPORTERS_NOT_LOADED: &str = "the code that reads TimelineJS3, StoryMapJS and CSV files could not be downloaded: reload the page to try again";

/// A route whose view is loaded with its group's code.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident => $group:ident($page:ident)) => {
        $(#[$doc])*
        pub struct $name;

        impl LazyRoute for $name {
            fn data() -> Self {
                // The route's page shows once its code is there; until then
                // the page is loading (`#app[data-state]`, `aria-busy`), not
                // still the last page's "ready".
                if let Some(PageStateContext(state)) = use_context::<PageStateContext>() {
                    state.set(PageState::Loading);
                }
                $name
            }

            async fn view(_this: Self) -> AnyView {
                match $group(Page::$page).await {
                    Ok(view) => view,
                    Err(CodeNotLoaded) => view! { <CodeLoadFailure/> }.into_any(),
                }
            }
        }
    };
}

lazy_page!(/// `/map`.
    MapRoute => map_pages(Map));
lazy_page!(/// `/timeline`.
    TimelineRoute => timeline_pages(Timeline));
lazy_page!(/// `/stories`.
    StoriesRoute => story_pages(StoriesIndex));
lazy_page!(/// `/stories/:id`.
    StoryRoute => story_pages(Story));
lazy_page!(/// `/galleries`.
    GalleriesRoute => gallery_pages(GalleriesIndex));
lazy_page!(/// `/galleries/:id`.
    GalleryRoute => gallery_pages(Gallery));
lazy_page!(/// `/cases/:id`.
    CaseRoute => record_pages(Case));
lazy_page!(/// `/members/:id`.
    MemberRoute => record_pages(Member));
lazy_page!(/// `/campaigns`.
    CampaignsRoute => record_pages(CampaignsIndex));
lazy_page!(/// `/campaigns/:id`.
    CampaignRoute => record_pages(Campaign));
lazy_page!(/// `/embed/timeline` (hosts that send every address to index.html).
    EmbedTimelineRoute => embed_pages(EmbedTimeline));
lazy_page!(/// `/embed/story`.
    EmbedStoryRoute => embed_pages(EmbedStory));
lazy_page!(/// `/embed/map`.
    EmbedMapRoute => embed_pages(EmbedMap));
lazy_page!(/// `/embed/gallery`.
    EmbedGalleryRoute => embed_pages(EmbedGallery));

/// What the reader sees when a page's code failed to download: the page is
/// in error, and the retry loads it again (a failed chunk is not cached).
#[component]
fn CodeLoadFailure() -> impl IntoView {
    let state = page_state();
    Effect::new(move |_| state.set(PageState::Error));
    let retry = |_| {
        let _ = window().location().reload();
    };
    view! {
        <div class="load-error" role="alert">
            <p><strong>{tr(Msg::PageCodeFailed)}</strong></p>
            <button type="button" class="button" on:click=retry>{tr(Msg::Retry)}</button>
        </div>
    }
}
