//! Where the preview keeps its draft. localStorage while the draft fits
//! (about 5 MB: read at once, kept by every browser); IndexedDB when it does
//! not (its quota is a share of the disk), with a small stand-in left in
//! localStorage that says when that version was stored, so an older copy is
//! never passed off as the latest. And the mark of a draft being opened: a
//! draft that killed the page is not opened again without asking.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::draft::{Draft, Restored, restore};

/// Where the draft (or its stand-in) is kept in localStorage.
pub const DRAFT_STORAGE_KEY: &str = "mapline.preview.draft";
/// Set while a stored draft is checked and rendered, cleared once it has been.
pub const OPENING_KEY: &str = "mapline.preview.opening";
const DB_NAME: &str = "mapline";
const DB_STORE: &str = "drafts";
const DB_KEY: &str = "draft";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The latest stored draft, from whichever storage holds it.
pub async fn stored_draft() -> Restored {
    let local_copy = local().and_then(|s| s.get_item(DRAFT_STORAGE_KEY).ok().flatten());
    // IndexedDB is opened only when localStorage does not hold the draft.
    let in_database = local_copy
        .as_deref()
        .is_none_or(|l| Draft::from_storage(l).stored_elsewhere);
    let database_copy = if in_database {
        database_get().await.ok().flatten()
    } else {
        None
    };
    restore(local_copy.as_deref(), database_copy.as_deref())
}

/// Whether a draft was being opened when the page last stopped.
pub fn was_opening() -> bool {
    local()
        .and_then(|s| s.get_item(OPENING_KEY).ok().flatten())
        .is_some()
}

pub fn mark_opening() {
    if let Some(storage) = local() {
        let _ = storage.set_item(OPENING_KEY, "1");
    }
}

pub fn clear_opening() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(OPENING_KEY);
    }
}

/// Clears the mark once what was just rendered has been drawn (two frames
/// on). A hidden tab draws no frames, so there it is cleared as soon as the
/// current work is done: a preview left in the background (its links open
/// views in new tabs) must not leave the mark for those tabs to find.
pub fn clear_opening_after_render() {
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        leptos::prelude::set_timeout(clear_opening, std::time::Duration::ZERO);
    } else {
        leptos::prelude::request_animation_frame(|| {
            leptos::prelude::request_animation_frame(clear_opening);
        });
    }
}

/// A listener for the draft stored by another tab: removed when dropped.
pub struct ElsewhereListener(Closure<dyn FnMut(web_sys::StorageEvent)>);

impl Drop for ElsewhereListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window
                .remove_event_listener_with_callback("storage", self.0.as_ref().unchecked_ref());
        }
    }
}

/// Calls `stored` with what another tab of this browser stored as the draft
/// (`None`: it cleared it). Browsers tell a page of other pages' writes to
/// localStorage (the `storage` event), never of its own; a draft too large
/// for it leaves its stand-in there, so those writes are heard too.
pub fn on_stored_elsewhere(
    mut stored: impl FnMut(Option<Draft>) + 'static,
) -> Option<ElsewhereListener> {
    let window = web_sys::window()?;
    let listener = Closure::new(move |event: web_sys::StorageEvent| {
        if event.key().as_deref() == Some(DRAFT_STORAGE_KEY) {
            stored(event.new_value().map(|text| Draft::from_storage(&text)));
        }
    });
    window
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .ok()?;
    Some(ElsewhereListener(listener))
}

/// Where a version of the draft ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// In localStorage.
    Local,
    /// Too large for localStorage: being written to IndexedDB.
    Saving,
    /// In IndexedDB.
    Database,
    /// Nowhere: it is lost when the page closes.
    Lost,
}

/// A time for a new version: later than every version stored before, even
/// if the clock went back.
fn next_time(previous: u64) -> u64 {
    (js_sys::Date::now() as u64).max(previous + 1)
}

thread_local! {
    static LAST_SAVED: Cell<u64> = const { Cell::new(0) };
    /// The next version for IndexedDB and who to tell how it went; a newer
    /// version replaces one still waiting.
    static QUEUED: RefCell<Option<(u64, String, Tell)>> = const { RefCell::new(None) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

type Tell = Rc<dyn Fn(Kept)>;

/// Tells where version `saved` ended up, unless a newer version was stored
/// since (whose news is the one that counts).
fn tell(done: &Tell, saved: u64, kept: Kept) {
    if LAST_SAVED.get() == saved {
        done(kept);
    }
}

/// Stores `draft` as the latest version and returns its time. `done` hears
/// where it ended up (at once for localStorage; later for IndexedDB).
pub fn keep(draft: &Draft, done: impl Fn(Kept) + 'static) -> u64 {
    let done: Tell = Rc::new(done);
    let saved = next_time(LAST_SAVED.get());
    LAST_SAVED.set(saved);
    let mut version = draft.clone();
    version.saved = saved;
    let text = version.to_storage();
    let Some(storage) = local() else {
        tell(&done, saved, Kept::Saving);
        queue_database(saved, text, done);
        return saved;
    };
    if storage.set_item(DRAFT_STORAGE_KEY, &text).is_ok() {
        tell(&done, saved, Kept::Local);
        return saved;
    }
    // Over the quota. The stand-in keeps the older copy in localStorage from
    // coming back; if even it does not fit, that copy goes.
    if storage
        .set_item(DRAFT_STORAGE_KEY, &Draft::stand_in(saved).to_storage())
        .is_err()
    {
        let _ = storage.remove_item(DRAFT_STORAGE_KEY);
    }
    tell(&done, saved, Kept::Saving);
    queue_database(saved, text, done);
    saved
}

/// Writes versions to IndexedDB one at a time, in order (a later write must
/// never be overtaken by an earlier one).
fn queue_database(saved: u64, text: String, done: Tell) {
    QUEUED.with(|q| *q.borrow_mut() = Some((saved, text, done)));
    if WRITING.replace(true) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        while let Some((saved, text, done)) = QUEUED.with(|q| q.borrow_mut().take()) {
            let kept = match database_put(&text).await {
                Ok(()) => Kept::Database,
                Err(_) => Kept::Lost,
            };
            tell(&done, saved, kept);
        }
        WRITING.set(false);
    });
}

/// A promise settled by an IndexedDB request: its result, or its error.
fn request_future(request: &web_sys::IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        let on_success = Closure::once_into_js(move |_: JsValue| {
            let result = succeeded.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("IndexedDB request failed"),
            );
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise settled when a transaction commits (or rejected when it fails,
/// e.g. over the quota).
fn transaction_future(transaction: &web_sys::IdbTransaction) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = reject.clone();
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = failed.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB write failed"));
        });
        let on_abort = Closure::once_into_js(move |_: JsValue| {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("IndexedDB write aborted"),
            );
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_error.unchecked_ref()));
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

fn js_message(error: &JsValue) -> String {
    crate::ui::js_error_message(error).unwrap_or_else(|| "IndexedDB failed".to_owned())
}

async fn open_database() -> Result<web_sys::IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| "IndexedDB is not available".to_owned())?;
    let request = factory
        .open_with_u32(DB_NAME, 1)
        .map_err(|e| js_message(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Some(database) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok())
        {
            let _ = database.create_object_store(DB_STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let database = request_future(&request).await.map_err(|e| js_message(&e))?;
    database
        .dyn_into()
        .map_err(|_| "IndexedDB did not open".to_owned())
}

async fn database_get() -> Result<Option<String>, String> {
    let database = open_database().await?;
    let request = database
        .transaction_with_str(DB_STORE)
        .and_then(|t| t.object_store(DB_STORE))
        .and_then(|s| s.get(&JsValue::from_str(DB_KEY)))
        .map_err(|e| js_message(&e));
    let value = match request {
        Ok(request) => request_future(&request)
            .await
            .map_err(|e| js_message(&e))
            .map(|v| v.as_string()),
        Err(e) => Err(e),
    };
    database.close();
    value
}

async fn database_put(text: &str) -> Result<(), String> {
    let database = open_database().await?;
    let transaction =
        database.transaction_with_str_and_mode(DB_STORE, web_sys::IdbTransactionMode::Readwrite);
    let result = match transaction {
        Ok(transaction) => {
            let put = transaction
                .object_store(DB_STORE)
                .and_then(|s| s.put_with_key(&JsValue::from_str(text), &JsValue::from_str(DB_KEY)));
            match put {
                Ok(_) => transaction_future(&transaction)
                    .await
                    .map(|_| ())
                    .map_err(|e| js_message(&e)),
                Err(e) => Err(js_message(&e)),
            }
        }
        Err(e) => Err(js_message(&e)),
    };
    database.close();
    result
}
