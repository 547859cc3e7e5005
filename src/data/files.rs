//! How an entry point reads fetched files into a dataset. Mapline documents
//! are read in place by every entry point; the peers' formats (TimelineJS3,
//! StoryMapJS, spreadsheet CSV) go through the importers, which the reader
//! app keeps in a wasm module of their own, fetched the first time a file
//! needs them (its main module, which every page loads, is about a tenth
//! smaller without them: issue #19), while the embeds and the studio link
//! them in ([`importers_in_place`]).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use crate::import::{load_without_importers as without_importers, needs_importer};
use crate::model::{Input, Loaded, SourceFile, load_sources};

/// Reads files, some of them in the peers' formats, into one dataset
/// (`import::load_any`, wherever its code is).
pub type Importers = fn(Vec<SourceFile>) -> Pin<Box<dyn Future<Output = Loaded>>>;

thread_local! {
    static IMPORTERS: Cell<Option<Importers>> = const { Cell::new(None) };
}

/// Sets how this page reads files in the peers' formats: once, as the entry
/// point starts, before any data loads.
pub fn set_importers(importers: Importers) {
    IMPORTERS.with(|cell| cell.set(Some(importers)));
}

/// The importers linked into this entry point's own wasm.
pub fn importers_in_place(files: Vec<SourceFile>) -> Pin<Box<dyn Future<Output = Loaded>>> {
    Box::pin(async move { crate::import::load_any(&files) })
}

/// Reads `files` into one dataset with the loader of `mapline check` and the
/// preview, through the entry point's importers (which tell the formats
/// apart: `import::load_any` reads a Mapline document itself, and the reader
/// app fetches its importers' module only for a file that needs it).
pub async fn load_files(files: Vec<SourceFile>) -> Loaded {
    match IMPORTERS.with(Cell::get) {
        Some(importers) => importers(files).await,
        None => without_importers(&files, IMPORTERS_MISSING),
    }
}

/// Reads `files` when none needs an importer (`None` when one does): the
/// Mapline loader alone, which the reader app's main module holds.
pub fn without_foreign_files(files: &[SourceFile]) -> Option<Loaded> {
    (!files.iter().any(needs_importer))
        .then(|| load_sources(files.iter().map(Input::Text).collect()))
}

/// What a page says of a file in a peer's format it has no importers for.
const IMPORTERS_MISSING: &str = "this page cannot read TimelineJS3, StoryMapJS or CSV files";
