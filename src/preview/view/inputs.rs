//! Opening files into the draft: the picker, the drop zone, clearing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::draft::Draft;
use crate::i18n::Msg;
use crate::ui::lang::tr;

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
pub(super) fn DraftInputs(
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
