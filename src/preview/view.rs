//! `/preview`: open a draft (file picker, drag and drop, or paste), see every
//! problem linked to its place in the text, and see everything valid rendered as
//! it would be published. The draft is kept in this browser's storage until
//! cleared and is never sent anywhere.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::NetworkData;
use crate::data::draft_store::{self as store, Kept};
use crate::draft::{Draft, PASTED_NAME, Restored};
use crate::i18n::{Msg, fill};
use crate::model::{Loaded, Problem, Severity};
use crate::preview::selection_at;
use crate::ui::lang::{tr, use_lang};
use crate::ui::links::app_href;
use crate::ui::state::{LoadError, with_data};

/// How long typing must pause before the draft is checked again.
const RECHECK_DELAY: Duration = Duration::from_millis(200);

#[component]
pub fn PreviewPage() -> impl IntoView {
    // IndexedDB (where large drafts are kept) answers asynchronously.
    let stored = LocalResource::new(|| async { Ok::<_, LoadError>(store::stored_draft().await) });
    view! {
        <section class="preview" data-page="preview">
            <h1>{tr(Msg::PreviewTitle)}</h1>
            <p>{tr(Msg::PreviewIntro)}</p>
            {with_data(stored, |restored: Restored| view! { <DraftPreview restored=restored/> })}
        </section>
    }
}

/// The preview of the stored draft: its inputs, editor, report and rendering;
/// or, when it stopped the page last time, a choice before it is opened.
#[component]
fn DraftPreview(
    /// The draft found in storage.
    restored: Restored,
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

    // Keep every change, and check again once typing pauses.
    Effect::new(move |first: Option<()>| {
        draft.track();
        // The stored version is the one just read.
        if first.is_none() {
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
        {move || if held.get() {
            view! { <HeldDraft draft=draft on_open=open_anyway on_discard=discard/> }.into_any()
        } else {
            view! {
                <DraftInputs draft=draft current=current/>
                <div class="preview-columns">
                    <DraftEditor draft=draft current=current textarea=textarea/>
                    <CheckReport checked=checked on_select=go_to/>
                </div>
                <RenderedDraft checked=checked/>
            }
            .into_any()
        }}
    }
}

/// What the reader must know about where the draft is kept: nothing while it
/// is kept; an alert when it cannot be; a note when the version restored is
/// not the latest one stored.
#[component]
fn StorageNotices(
    /// Where the latest version ended up.
    kept: RwSignal<Kept>,
    /// When the latest version was stored, if it could not be restored.
    newer_lost: Option<u64>,
) -> impl IntoView {
    let lang = use_lang();
    let lost_at = newer_lost.map(|saved| {
        move || {
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(saved as f64));
            let when: String = date
                .to_locale_string(lang.get().code(), &wasm_bindgen::JsValue::UNDEFINED)
                .into();
            fill(Msg::DraftNewerLost.text(lang.get()), &[("time", &when)])
        }
    });
    view! {
        <div class="draft-storage" role="alert">
            {move || (kept.get() == Kept::Lost).then(|| view! {
                <p class="draft-not-kept">{tr(Msg::DraftNotKept)}</p>
            })}
        </div>
        {lost_at.map(|text| view! { <p class="draft-newer-lost" role="status">{text}</p> })}
    }
}

/// A draft that stopped the preview last time: its files, and the choice to
/// open it anyway, download it or discard it.
#[component]
fn HeldDraft(
    /// The stored draft, kept as it is until the reader chooses.
    draft: RwSignal<Draft>,
    on_open: impl Fn() + Send + Sync + 'static,
    on_discard: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let files = draft.with_untracked(|d| {
        d.files
            .iter()
            .map(|f| (f.name.clone(), f.text.len()))
            .collect::<Vec<_>>()
    });
    let download_all = move |_| {
        draft.with_untracked(|d| {
            for file in &d.files {
                let mime = if crate::import::is_csv(&file.name) {
                    "text/csv"
                } else {
                    "application/json"
                };
                download(&file.name, mime, &file.text);
            }
        });
    };
    view! {
        <div class="held-draft" role="alert">
            <p><strong>{tr(Msg::DraftHeld)}</strong></p>
            <ul class="held-files">
                {files.into_iter().map(|(name, bytes)| {
                    let size = bytes.to_string();
                    view! {
                        <li><code>{name}</code>" "{move || fill(Msg::DraftFileSize.text(lang.get()), &[("bytes", &size)])}</li>
                    }
                }).collect_view()}
            </ul>
            <p class="held-actions">
                <button type="button" class="button" on:click=move |_| on_open()>{tr(Msg::DraftOpenAnyway)}</button>
                " "
                <button type="button" class="button secondary" on:click=download_all>{tr(Msg::DraftDownload)}</button>
                " "
                <button type="button" class="button secondary" on:click=move |_| on_discard()>{tr(Msg::DraftDiscard)}</button>
            </p>
        </div>
    }
}

/// Reads picked or dropped files into the draft, as bytes: the report then
/// says where their bytes are not UTF-8, as `mapline check` would.
fn read_files(files: web_sys::FileList, draft: RwSignal<Draft>, current: RwSignal<usize>) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        let mut opened = Vec::with_capacity(files.len());
        for file in files {
            // A file that cannot be read (gone, or a folder) opens empty.
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .unwrap_or_default();
            opened.push((file.name(), bytes));
        }
        if let Some(index) = draft.try_update(|d| d.open_files(opened)).flatten() {
            let _ = current.try_set(index);
        }
    });
}

/// The file picker, the drop zone and the clear button.
#[component]
fn DraftInputs(
    /// The draft being previewed.
    draft: RwSignal<Draft>,
    /// The index of the file shown in the editor.
    current: RwSignal<usize>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(files) = input.as_ref().and_then(web_sys::HtmlInputElement::files) {
            read_files(files, draft, current);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|t| t.files()) {
            read_files(files, draft, current);
        }
    };
    let clear = move |_| {
        draft.set(Draft::pasted(""));
        current.set(0);
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label class="button file-button">
                {tr(Msg::OpenFiles)}
                <input type="file" multiple accept=".json,.csv,application/json,text/csv" class="visually-hidden" on:change=on_pick/>
            </label>
            <span class="drop-hint">{tr(Msg::DropHint)}</span>
            <span class="csv-templates">
                {tr(Msg::CsvTemplates)}" "
                <a href="templates/timeline.csv" download>"timeline.csv"</a>", "
                <a href="templates/members.csv" download>"members.csv"</a>", "
                <a href="templates/outcomes.csv" download>"outcomes.csv"</a>
            </span>
            <button type="button" class="button secondary" on:click=clear>{tr(Msg::ClearDraft)}</button>
        </div>
    }
}

/// The draft's files as tabs, and the text of the current one, editable.
#[component]
fn DraftEditor(
    /// The draft being previewed.
    draft: RwSignal<Draft>,
    /// The index of the file shown.
    current: RwSignal<usize>,
    /// The textarea, for selecting a problem's place.
    textarea: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let names = Memo::new(move |_| {
        draft.with(|d| d.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>())
    });
    let text = move || {
        draft.with(|d| {
            d.files
                .get(current.get())
                .map(|f| f.text.clone())
                .unwrap_or_default()
        })
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let index = current.get_untracked();
        draft.update(|d| d.edit(index, value));
    };
    view! {
        <div class="draft-editor">
            <div class="draft-files" role="group" aria-label=tr(Msg::DraftFiles)>
                {move || {
                    names
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, name)| view! {
                            <button
                                type="button"
                                class="draft-file"
                                aria-pressed=move || (current.get() == index).to_string()
                                on:click=move |_| current.set(index)
                            >
                                {name}
                            </button>
                        })
                        .collect_view()
                }}
            </div>
            <label for="draft-text">{tr(Msg::DraftText)}</label>
            <textarea
                id="draft-text"
                class="draft-text"
                node_ref=textarea
                rows="18"
                spellcheck="false"
                autocomplete="off"
                prop:value=text
                on:input=on_input
            ></textarea>
        </div>
    }
}

/// Every problem, each a button that shows its place in the draft; the summary
/// `mapline check` would print; downloads of the normalised dataset and report.
#[component]
fn CheckReport(
    /// The latest check of the draft.
    checked: RwSignal<Arc<Loaded>>,
    /// Called with a problem the reader wants to see in the text.
    on_select: impl Fn(Problem) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let summary = move || checked.with(|l| l.dataset.stats().to_string());
    let count = move || checked.with(|l| l.problems.len());
    let download_dataset = move |_| {
        let json = checked.with_untracked(|l| {
            serde_json::to_string_pretty(&l.dataset.to_document()).unwrap_or_default()
        });
        download("mapline-dataset.json", "application/json", &json);
    };
    let download_report = move |_| {
        let report = checked.with_untracked(|l| l.report());
        download("mapline-check.txt", "text/plain", &report);
    };
    view! {
        <div class="check-report">
            <h2>{tr(Msg::CheckReport)}</h2>
            <p class="preview-summary" role="status">{summary}</p>
            {move || {
                let problems = checked.with(|l| l.problems.clone());
                if problems.is_empty() {
                    return view! { <p class="no-problems">{tr(Msg::NoProblems)}</p> }.into_any();
                }
                view! {
                    <p>{move || fill(Msg::DataProblems.text(lang.get()), &[("count", &count().to_string())])}</p>
                    <ol class="problem-links">
                        {problems
                            .into_iter()
                            .map(|problem| {
                                let severity = match problem.severity {
                                    Severity::Error => "error",
                                    Severity::Warning => "warning",
                                };
                                let label = problem.to_string();
                                let line = problem.line.map(|l| l.to_string());
                                let column = problem.column.map(|c| c.to_string());
                                view! {
                                    <li data-severity=severity>
                                        <button type="button" class="problem-link" data-line=line data-column=column
                                            on:click=move |_| on_select(problem.clone())>
                                            <code>{label}</code>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <p class="downloads">
                <button type="button" class="button" on:click=download_dataset>{tr(Msg::DownloadDataset)}</button>
                " "
                <button type="button" class="button secondary" on:click=download_report>{tr(Msg::DownloadReport)}</button>
            </p>
        </div>
    }
}

/// Saves `text` as a file through a temporary object URL: nothing is uploaded.
fn download(file_name: &str, mime: &str, text: &str) {
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

/// Everything valid in the draft, rendered by the views it would be published
/// in, with links that open each view on the draft.
#[component]
fn RenderedDraft(
    /// The latest check of the draft.
    checked: RwSignal<Arc<Loaded>>,
) -> impl IntoView {
    use crate::gallery::view::GalleryView;
    use crate::map::view::MapExplorer;
    use crate::story::view::StoryView;
    use crate::timeline::view::Timeline;
    use crate::ui::state::PageState;

    move || {
        let loaded = checked.get();
        let dataset = &loaded.dataset;
        let data = Arc::new(NetworkData {
            dataset: dataset.clone(),
            problems: Vec::new(),
        });
        let has_timeline = !dataset.cases.is_empty()
            || !dataset.campaigns.is_empty()
            || !dataset.timelines.is_empty();
        let has_members = !dataset.members.is_empty();
        let links = {
            let mut links: Vec<(String, Msg)> = Vec::new();
            if has_members {
                links.push(("/map?data=draft".into(), Msg::NavMap));
            }
            if has_timeline {
                links.push(("/timeline?data=draft".into(), Msg::NavTimeline));
                links.push(("/embed/timeline?data=draft".into(), Msg::EmbedTimeline));
            }
            for story in &dataset.stories {
                links.push((format!("/stories/{}?data=draft", story.id), Msg::NavStories));
                links.push((
                    format!("/embed/story?data=draft&id={}", story.id),
                    Msg::EmbedStory,
                ));
            }
            for gallery in &dataset.galleries {
                links.push((
                    format!("/galleries/{}?data=draft", gallery.id),
                    Msg::NavGalleries,
                ));
            }
            links
        };
        view! {
            <section class="rendered-draft" aria-labelledby="rendered-heading">
                <h2 id="rendered-heading">{tr(Msg::RenderedDraft)}</h2>
                {(!links.is_empty()).then(|| view! {
                    <ul class="open-views">
                        {links.into_iter().map(|(href, label)| view! {
                            <li><a href=app_href(&href) target="_blank" rel="noopener">{tr(label)}</a></li>
                        }).collect_view()}
                    </ul>
                })}
                {has_members.then(|| view! { <MapExplorer data=data.clone() map_state=RwSignal::new(PageState::Loading)/> })}
                {has_timeline.then(|| view! { <Timeline data=data.clone()/> })}
                {dataset.stories.iter().cloned().map(|story| view! { <StoryView story=story preview=true/> }).collect_view()}
                {dataset.galleries.iter().cloned().map(|gallery| view! { <GalleryView gallery=gallery/> }).collect_view()}
            </section>
        }
    }
}
