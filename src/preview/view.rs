//! `/preview`: open a draft (file picker, drag and drop, or paste), see every
//! problem linked to its place in the text, and see everything valid rendered as
//! it would be published. The draft is kept in this browser's storage until
//! cleared and is never sent anywhere.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{Msg, fill};
use crate::model::{Loaded, Problem, Severity};
use crate::preview::{Draft, PASTED_NAME, selection_at};
use crate::web::data::NetworkData;
use crate::web::lang::{tr, use_lang};
use crate::web::shell::app_href;
use crate::web::state::mark_ready_when_mounted;

/// Where the draft is kept; `?data=draft` on any view loads it from there.
pub const DRAFT_STORAGE_KEY: &str = "mapline.preview.draft";

/// How long typing must pause before the draft is checked again.
const RECHECK_DELAY: Duration = Duration::from_millis(200);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored draft (empty when there is none or storage is refused).
pub fn stored_draft() -> Draft {
    storage()
        .and_then(|s| s.get_item(DRAFT_STORAGE_KEY).ok().flatten())
        .map(|stored| Draft::from_storage(&stored))
        .unwrap_or_default()
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    mark_ready_when_mounted();
    let draft = RwSignal::new(stored_draft());
    if draft.with_untracked(|d| d.files.is_empty()) {
        draft.update_untracked(|d| d.put(PASTED_NAME, String::new()));
    }
    let current = RwSignal::new(0usize);
    let checked = RwSignal::new(Arc::new(draft.with_untracked(Draft::load)));
    let pending = StoredValue::new(None::<TimeoutHandle>);

    // Keep the draft in storage, and check it again once typing pauses.
    Effect::new(move |first: Option<()>| {
        let stored = draft.with(Draft::to_storage);
        if let Some(storage) = storage() {
            let _ = storage.set_item(DRAFT_STORAGE_KEY, &stored);
        }
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || checked.set(Arc::new(draft.with_untracked(Draft::load))),
            RECHECK_DELAY,
        );
        pending.set_value(handle.ok());
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

    view! {
        <section class="preview" data-page="preview">
            <h1>{tr(Msg::PreviewTitle)}</h1>
            <p>{tr(Msg::PreviewIntro)}</p>
            <DraftInputs draft=draft current=current/>
            <div class="preview-columns">
                <DraftEditor draft=draft current=current textarea=textarea/>
                <CheckReport checked=checked on_select=go_to/>
            </div>
            <RenderedDraft checked=checked/>
        </section>
    }
}

/// Reads picked or dropped files into the draft.
fn read_files(files: web_sys::FileList, draft: RwSignal<Draft>, current: RwSignal<usize>) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        for file in files {
            let name = file.name();
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            draft.update(|d| {
                // A fresh paste area that is still empty gives way to the files.
                d.files
                    .retain(|f| !(f.name == PASTED_NAME && f.text.trim().is_empty()));
                d.put(&name, text);
            });
            let index =
                draft.with_untracked(|d| d.files.iter().position(|f| f.name == name).unwrap_or(0));
            current.set(index);
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
        draft.update(|d| {
            if let Some(file) = d.files.get_mut(index) {
                file.text = value;
            }
        });
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
    use crate::web::state::PageState;

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
