//! `/preview`: open a draft (file picker, drag and drop, or paste), see every
//! problem linked to its place in the text, and see everything valid rendered as
//! it would be published. The draft is kept in this browser's storage until
//! cleared and is never sent anywhere. The views the draft is rendered with
//! belong to other capabilities: the app passes them in ([`DrawDraft`]).

mod editor;
mod held;
mod inputs;
mod notices;
mod rendered;
mod report;

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::editor::DraftEditor;
use self::held::HeldDraft;
use self::inputs::DraftInputs;
use self::notices::{ChangedElsewhere, StorageNotices};
use self::rendered::RenderedDraft;
use self::report::CheckReport;
use crate::data::SharedData;
use crate::data::draft_store::{self as store, Kept};
use crate::draft::{Draft, PASTED_NAME, Restored};
use crate::i18n::Msg;
use crate::model::Problem;
use crate::preview::selection_at;
use crate::ui::lang::tr;
use crate::ui::state::{LoadError, with_data};

/// Draws the draft's data with every view it would be published in (the
/// map, the timeline, its stories and galleries).
pub type DrawDraft = fn(SharedData) -> AnyView;

/// How long typing must pause before the draft is checked again.
const RECHECK_DELAY: Duration = Duration::from_millis(200);

#[component]
pub fn PreviewPage(
    /// The published views, drawing the draft.
    draw: DrawDraft,
) -> impl IntoView {
    // IndexedDB (where large drafts are kept) answers asynchronously.
    let stored = LocalResource::new(|| async { Ok::<_, LoadError>(store::stored_draft().await) });
    view! {
        <section class="preview" data-page="preview">
            <h1>{tr(Msg::PreviewTitle)}</h1>
            <p>{tr(Msg::PreviewIntro)}</p>
            {with_data(stored, move |restored: Restored| view! { <DraftPreview restored=restored draw=draw/> })}
        </section>
    }
}

/// The preview of the stored draft: its inputs, editor, report and rendering;
/// or, when it stopped the page last time, a choice before it is opened.
#[component]
fn DraftPreview(
    /// The draft found in storage.
    restored: Restored,
    /// The published views, drawing the draft.
    draw: DrawDraft,
) -> impl IntoView {
    let Restored {
        draft: mut initial,
        newer_lost,
    } = restored;
    // The mark is still set: the page stopped while this draft was opening.
    let held = RwSignal::new(store::was_opening() && !initial.is_empty());
    if initial.files.is_empty() {
        initial.put(PASTED_NAME, String::new());
    }
    let draft = RwSignal::new(initial);
    let current = RwSignal::new(0usize);
    let checked = RwSignal::new(Arc::new(Draft::default().load()));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let kept = RwSignal::new(Kept::Local);

    // The mark is set while a check renders and cleared once the rendered
    // draft has been drawn: if the page dies on the way, the next visit asks
    // before opening the draft again.
    let check = move || {
        store::mark_opening();
        // A recheck timer may outlive the page (left for another route).
        match draft.try_with_untracked(Draft::load) {
            Some(loaded) => {
                let _ = checked.try_set(Arc::new(loaded));
            }
            None => store::clear_opening(),
        }
    };
    if !held.get_untracked() {
        check();
    }
    Effect::new(move |_| {
        checked.track();
        if !held.get() {
            store::clear_opening_after_render();
        }
    });

    // Set while the draft becomes the version another tab stored: that
    // version is in storage already, and it is checked where it is opened.
    let adopted = StoredValue::new(false);
    // Keep every change, and check again once typing pauses.
    Effect::new(move |first: Option<()>| {
        draft.track();
        // The stored version is the one just read.
        if first.is_none() {
            return;
        }
        if adopted.try_get_value().unwrap_or(false) {
            adopted.set_value(false);
            return;
        }
        draft.with_untracked(|d| {
            store::keep(d, move |where_kept| {
                let _ = kept.try_set(where_kept);
            })
        });
        if held.get_untracked() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(check, RECHECK_DELAY);
        pending.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });

    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let go_to = move |problem: Problem| {
        let name = problem.file.trim_end_matches(" (imported)").to_owned();
        let Some(index) = draft.with_untracked(|d| d.files.iter().position(|f| f.name == name))
        else {
            return;
        };
        current.set(index);
        let text = draft.with_untracked(|d| {
            d.files
                .get(index)
                .map(|f| f.text.clone())
                .unwrap_or_default()
        });
        let (line, column) = (problem.line.unwrap_or(1), problem.column.unwrap_or(1));
        let (start, end) = selection_at(&text, line, column);
        // After the textarea shows the file: select the place and scroll to it.
        request_animation_frame(move || {
            if let Some(area) = textarea.get_untracked() {
                let _ = area.focus();
                let _ = area.set_selection_range(start, end);
                let lines = text.lines().count().max(1) as f64;
                let line_height = f64::from(area.scroll_height()) / lines;
                area.set_scroll_top((f64::from(line.saturating_sub(3)) * line_height) as i32);
            }
        });
    };
    // Another tab storing the draft: said here, and this tab's next change
    // does not silently replace that version. A version that is the same
    // as this one (this tab's own, stored back by the other) says nothing.
    let changed_elsewhere = RwSignal::new(false);
    let listener = StoredValue::new_local(store::on_stored_elsewhere(move |stored| {
        let same = stored.is_some_and(|other| {
            !other.stored_elsewhere
                && draft
                    .try_with_untracked(|current| current.files == other.files)
                    .unwrap_or(true)
        });
        if !same {
            let _ = changed_elsewhere.try_set(true);
        }
    }));
    on_cleanup(move || {
        listener.try_update_value(Option::take);
    });
    let open_other = move || {
        leptos::task::spawn_local(async move {
            let mut other = store::stored_draft().await.draft;
            if other.files.is_empty() {
                other.put(PASTED_NAME, String::new());
            }
            let _ = changed_elsewhere.try_set(false);
            let _ = current.try_set(0);
            if adopted.try_set_value(true).is_some() {
                return;
            }
            if let Some(handle) = pending.try_get_value().flatten() {
                handle.clear();
            }
            let _ = draft.try_set(other);
            // A held draft (it stopped the page) is not opened by this.
            if !held.try_get_untracked().unwrap_or(true) {
                check();
            }
        });
    };
    let keep_this = move || {
        changed_elsewhere.set(false);
        draft.with_untracked(|d| {
            store::keep(d, move |where_kept| {
                let _ = kept.try_set(where_kept);
            })
        });
    };
    let open_anyway = move || {
        held.set(false);
        check();
    };
    let discard = move || {
        held.set(false);
        draft.set(Draft::pasted(""));
        current.set(0);
        check();
    };

    view! {
        <StorageNotices kept=kept newer_lost=newer_lost/>
        {move || changed_elsewhere.get().then(|| view! { <ChangedElsewhere on_open=open_other on_keep=keep_this/> })}
        {move || if held.get() {
            view! { <HeldDraft draft=draft on_open=open_anyway on_discard=discard/> }.into_any()
        } else {
            view! {
                <DraftInputs draft=draft current=current/>
                <div class="preview-columns">
                    <DraftEditor draft=draft current=current textarea=textarea/>
                    <CheckReport checked=checked on_select=go_to/>
                </div>
                <RenderedDraft checked=checked draw=draw/>
            }
            .into_any()
        }}
    }
}

/// Saves `text` as a file through a temporary object URL: nothing is uploaded.
pub(super) fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
