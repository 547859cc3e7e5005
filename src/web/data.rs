//! Fetching a dataset (a manifest and the files it names) and sharing it with
//! every route through context. Parsing and validation are the pure `model`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{self, Dataset, Problem, SourceFile};
use crate::web::state::LoadError;

/// The default dataset, relative to the app's public URL.
pub const DEFAULT_MANIFEST: &str = "data/manifest.json";

/// A loaded dataset with the problems found while loading it.
#[derive(Debug)]
pub struct NetworkData {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

pub type SharedData = Arc<NetworkData>;

/// The dataset of this page, loaded once and shared by every route.
#[derive(Clone, Copy)]
pub struct DataContext(pub LocalResource<Result<SharedData, LoadError>>);

pub fn use_network_data() -> LocalResource<Result<SharedData, LoadError>> {
    expect_context::<DataContext>().0
}

/// `?data=draft`: the staff preview's draft, from this browser's storage.
pub const DRAFT_DATA: &str = "draft";

/// Starts loading the data of this page: the single document named by
/// `?source=` (Mapline, TimelineJS3 or StoryMapJS), else the dataset named by
/// `?data=` (or the bundled one).
pub fn provide_network_data() {
    let source = query_param("source");
    let manifest_url = query_param("data").unwrap_or_else(|| DEFAULT_MANIFEST.to_owned());
    let resource = LocalResource::new(move || {
        let url = manifest_url.clone();
        let source = source.clone();
        async move {
            if let Some(source) = source {
                return load_source_document(&source).await.map(Arc::new);
            }
            if url == DRAFT_DATA {
                let loaded = crate::preview::view::stored_draft().load();
                return Ok(Arc::new(NetworkData {
                    dataset: loaded.dataset,
                    problems: loaded.problems,
                }));
            }
            load_manifest_dataset(&url).await.map(Arc::new)
        }
    });
    provide_context(DataContext(resource));
}

/// Reads a query parameter of the page's URL at start-up.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|v| !v.is_empty())
}

/// Resolves `url` against `base` (or the document's base URL) to an absolute URL.
pub fn absolute_url(url: &str, base: Option<&str>) -> Result<String, LoadError> {
    let document_base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(url, base.unwrap_or(&document_base))
        .map(|u| u.href())
        .map_err(|_| LoadError {
            source: url.to_owned(),
            message: "not a valid URL".to_owned(),
        })
}

/// The name a file is shown under in problems: its path below the app when it is
/// ours, its full URL otherwise.
pub fn display_name(absolute: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    absolute
        .strip_prefix(base.as_str())
        .unwrap_or(absolute)
        .to_owned()
}

/// The response `early.js` started for this URL while the wasm loaded, and the
/// promise of its body, which it reads as the bytes arrive rather than when
/// the app gets to it (about 15 ms sooner at 10,000 events). Taken once.
/// `None` when there is none for this URL or it failed (the caller then
/// fetches, and reports the failure itself).
async fn early_response(absolute: &str) -> Option<(web_sys::Response, Option<js_sys::Promise>)> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("maplineEarly");
    let early = js_sys::Reflect::get(&window, &key).ok()?;
    let url = js_sys::Reflect::get(&early, &"url".into())
        .ok()?
        .as_string()?;
    if url != absolute {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let promise: js_sys::Promise = js_sys::Reflect::get(&early, &"response".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let body: Option<js_sys::Promise> = js_sys::Reflect::get(&early, &"body".into())
        .ok()
        .and_then(|b| b.dyn_into().ok());
    let response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    Some((response, body))
}

/// Fetches one text file, turning HTTP and network failures into a readable error.
pub async fn fetch_text(absolute: &str) -> Result<String, LoadError> {
    let fail = |message: String| LoadError {
        source: display_name(absolute),
        message,
    };
    let mut early_body = None;
    let response = match early_response(absolute).await {
        Some((early, body)) => {
            early_body = body;
            gloo_net::http::Response::from(early)
        }
        None => gloo_net::http::Request::get(absolute)
            .send()
            .await
            .map_err(|e| fail(format!("network error ({e})")))?,
    };
    if !response.ok() {
        return Err(fail(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    // The bytes, copied into wasm memory as they are, then checked as UTF-8
    // there: a quarter faster at 10,000 events than decoding to a JS string
    // and encoding that again on its way in.
    let bytes = match early_body {
        // early.js read the body already (its ArrayBuffer).
        Some(body) => wasm_bindgen_futures::JsFuture::from(body)
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .map_err(|e| super::js_error_message(&e).unwrap_or_else(|| "unknown error".into())),
        None => response.binary().await.map_err(|e| e.to_string()),
    }
    .map_err(|e| fail(format!("could not read the response ({e})")))?;
    Ok(utf8_text(bytes))
}

/// The text of UTF-8 bytes as `Response.text()` gives it: without a leading
/// byte order mark, invalid sequences replaced.
fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned())
}

/// The name of the performance measure around parsing and validation of the
/// fetched files (read by `./scripts/bench` with `performance.getEntriesByName`).
pub const LOAD_MEASURE: &str = "mapline:load-dataset";

/// Runs `work` (parse and validate) between two performance marks, measured as
/// [`LOAD_MEASURE`]. Timing never fails the load: without `performance` it just runs.
fn timed_load<T>(work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = "mapline:load-dataset:start";
    if let Some(p) = &performance {
        let _ = p.mark(start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(LOAD_MEASURE, start);
    }
    out
}

/// Loads a manifest and every file it names. A manifest that cannot be read is an
/// error; a data file that cannot be fetched becomes a problem, and the rest loads.
pub async fn load_manifest_dataset(manifest_url: &str) -> Result<NetworkData, LoadError> {
    let manifest_abs = absolute_url(manifest_url, None)?;
    let text = fetch_text(&manifest_abs).await?;
    let manifest =
        model::parse_manifest(&display_name(&manifest_abs), &text).map_err(|problems| {
            LoadError {
                source: display_name(&manifest_abs),
                message: problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })?;

    let urls = model::manifest_file_names(&manifest_abs, &manifest);
    let fetched = futures::future::join_all(urls.iter().map(|url| fetch_text(url))).await;

    // The manifest goes first: the loader takes the dataset's title from it.
    let mut sources = vec![SourceFile::new(display_name(&manifest_abs), text)];
    let mut fetch_problems = Vec::new();
    for (url, result) in urls.iter().zip(fetched) {
        match result {
            Ok(text) => sources.push(SourceFile::new(display_name(url), text)),
            Err(error) => fetch_problems.push(Problem::error(&error.source, "", error.message)),
        }
    }
    // The same loader as the preview and `mapline check`: a manifest may list
    // TimelineJS3, StoryMapJS and CSV files beside Mapline documents.
    let loaded = timed_load(|| crate::import::load_any(&sources));
    let mut problems = fetch_problems;
    problems.extend(loaded.problems);
    Ok(NetworkData {
        dataset: loaded.dataset,
        problems,
    })
}

/// Loads one document of any supported format. A document that cannot be
/// fetched, is not JSON, or holds nothing Mapline can show is an error (the
/// embed shows it, with `data-state="error"`); problems in an otherwise usable
/// document are listed beside it.
pub async fn load_source_document(url: &str) -> Result<NetworkData, LoadError> {
    let absolute = absolute_url(url, None)?;
    let text = fetch_text(&absolute).await?;
    let name = display_name(&absolute);
    let loaded = timed_load(|| crate::import::load_any(&[SourceFile::new(name.clone(), text)]));
    let stats = loaded.dataset.stats();
    let shows_something = stats.members
        + stats.cases
        + stats.campaigns
        + stats.stories
        + stats.galleries
        + stats.timelines
        > 0;
    if !shows_something {
        let first_error = loaded
            .problems
            .iter()
            .find(|p| p.is_error())
            .map(ToString::to_string);
        return Err(LoadError {
            source: name,
            message: first_error.unwrap_or_else(|| {
                "not a Mapline, TimelineJS3 or StoryMapJS document (nothing in it can be shown)"
                    .to_owned()
            }),
        });
    }
    Ok(NetworkData {
        dataset: loaded.dataset,
        problems: loaded.problems,
    })
}
