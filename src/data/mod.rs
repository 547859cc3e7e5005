//! Fetching a dataset (a manifest and the files it names) and sharing it with
//! every route through context. Parsing and validation are the pure `model`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Lang, Msg, fill};
use crate::model::{self, Dataset, Problem, SourceFile};
use crate::ui::address::query_param;
use crate::ui::state::LoadError;

pub mod draft_store;
pub mod files;

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
/// `?data=` (or the bundled one); or takes what the page's first view
/// already loaded ([`hand_over`]).
pub fn provide_network_data() {
    let is_draft = query_param("source").is_none()
        && query_param("data").is_some_and(|data| data == DRAFT_DATA);
    let resource = LocalResource::new(move || async move {
        if let Some(loaded) = HANDED_OVER.with(|cell| cell.borrow_mut().take()) {
            return loaded.map(Arc::new);
        }
        load_page_data(|_| {}).await.map(Arc::new)
    });
    if is_draft {
        // The draft opened and rendered: the mark of it being opened goes.
        Effect::new(move |_| {
            if matches!(resource.get(), Some(Ok(_))) {
                crate::data::draft_store::clear_opening_after_render();
            }
        });
    }
    provide_context(DataContext(resource));
}

/// Loads the data this page's address names (see [`provide_network_data`]).
/// `fetched` hears the size of a `?source=` document once its bytes are in,
/// before they are read (the timeline embed's first view then fetches the
/// app's code beside a long read).
pub async fn load_page_data(fetched: impl FnOnce(usize)) -> Result<NetworkData, LoadError> {
    if let Some(source) = query_param("source") {
        return load_source_document(&source, fetched).await;
    }
    let url = query_param("data").unwrap_or_else(|| DEFAULT_MANIFEST.to_owned());
    if url == DRAFT_DATA {
        return load_draft().await;
    }
    load_manifest_dataset(&url).await
}

thread_local! {
    /// The data a first view loaded before the app started (the timeline
    /// embed's: `app::first_view`), taken once by the app's loader.
    static HANDED_OVER: std::cell::RefCell<Option<Result<NetworkData, LoadError>>> =
        const { std::cell::RefCell::new(None) };
}

/// Gives the app the data the page already loaded, so it is neither
/// downloaded nor read twice.
pub fn hand_over(loaded: Result<NetworkData, LoadError>) {
    HANDED_OVER.with(|cell| *cell.borrow_mut() = Some(loaded));
}

/// The staff preview's stored draft. A draft that stopped the preview last
/// time is not opened again here: the preview asks what to do with it. The
/// mark is set while this page opens the draft, and cleared once the page is
/// ready, so a draft that kills this page is caught too.
async fn load_draft() -> Result<NetworkData, LoadError> {
    use crate::data::draft_store as store;
    if store::was_opening() {
        return Err(LoadError {
            source: DRAFT_DATA.to_owned(),
            message: Msg::DraftHeldElsewhere.text(page_lang()).to_owned(),
        });
    }
    let restored = store::stored_draft().await;
    store::mark_opening();
    let loaded = files::load_files(restored.draft.sources()).await;
    let loaded = restored.draft.with_notes(loaded);
    Ok(NetworkData {
        dataset: loaded.dataset,
        problems: loaded.problems,
    })
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

/// The host a URL or a `{z}/{x}/{y}` tile template leads to, as the reader
/// knows it ("tile.openstreetmap.org"), for the consent that names it; a
/// relative one resolves against the page, so it names the deployment.
pub fn host_of(url: &str) -> String {
    absolute_url(&url.replace(['{', '}'], ""), None)
        .ok()
        .and_then(|href| web_sys::Url::new(&href).ok())
        .map(|u| u.host())
        .unwrap_or_default()
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

/// How long a data request may go without a sign of life (its response
/// headers, or the next part of its body) before it is given up and the
/// error box with its Try again button is shown. A phone on slow 4G may take
/// 20 s or more to download a large file, but its bytes keep coming; a server
/// or connection that stops answering must not leave "Loading data…" for
/// ever. A silence, not a total time, so a slow but live download is never
/// cut off.
pub const INACTIVITY_LIMIT_MS: f64 = 30_000.0;

/// The inactivity limit: [`INACTIVITY_LIMIT_MS`], unless a test set
/// `window.maplineTestInactivityMs` before the page loaded (the e2e suite,
/// through playwright's `addInitScript`; nothing in an address can set it).
fn inactivity_limit() -> f64 {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"maplineTestInactivityMs".into()).ok())
        .and_then(|v| v.as_f64())
        .filter(|ms| ms.is_finite() && *ms > 0.0)
        .unwrap_or(INACTIVITY_LIMIT_MS)
}

/// The language of the page (`<html lang>`), for messages made away from the
/// reactive tree.
pub fn page_lang() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

/// What `early.js` started for this URL while the wasm loaded: an object with
/// `response` and `body` promises (it reads the body as the bytes arrive
/// rather than when the app gets to it: about 15 ms sooner at 10,000 events),
/// `last` (when it last heard from the server) and `abort()`. Taken once;
/// `None` when it is for another URL.
fn take_early(absolute: &str) -> Option<js_sys::Object> {
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
    early.dyn_into().ok()
}

/// A fetched file's text, and what was wrong with its bytes.
pub struct Fetched {
    pub text: String,
    pub problem: Option<Problem>,
}

/// Fetches one text file, turning HTTP and network failures, and a request
/// that stops answering, into a readable error. The bytes are read as the
/// CLI reads them ([`model::decode_text`]): a file with broken bytes still
/// loads, with its problem located.
pub async fn fetch_text(absolute: &str) -> Result<Fetched, LoadError> {
    let name = display_name(absolute);
    let bytes = fetch_bytes(absolute).await.map_err(|message| LoadError {
        source: name.clone(),
        message,
    })?;
    let (text, problem) = model::decode_text(&name, &bytes);
    Ok(Fetched { text, problem })
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.ceil() as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once `last_activity()` is `limit` ms in the past.
async fn silence(last_activity: impl Fn() -> f64, limit: f64) {
    loop {
        let quiet = now() - last_activity();
        if quiet >= limit {
            return;
        }
        sleep(limit - quiet).await;
    }
}

/// The file's bytes, from the download `early.js` started or a new one, given
/// up after [`inactivity_limit`] without a sign of life.
async fn fetch_bytes(absolute: &str) -> Result<Vec<u8>, String> {
    use std::cell::Cell;
    use std::rc::Rc;
    let limit = inactivity_limit();
    let activity = Rc::new(Cell::new(now()));
    let controller = web_sys::AbortController::new().ok();
    let early = take_early(absolute);
    let early_last = early.clone();
    let last = {
        let activity = activity.clone();
        move || {
            let early = early_last
                .as_ref()
                .and_then(|e| js_sys::Reflect::get(e, &"last".into()).ok())
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            activity.get().max(early)
        }
    };
    let early_abort = early.clone();
    let work = async {
        if let Some(early) = early
            && let Some(result) = early_bytes(&early).await
        {
            return result;
        }
        // No early download, or it failed before answering: fetch again
        // (a failure then is reported).
        own_fetch(absolute, controller.as_ref(), &activity).await
    };
    let watchdog = silence(last, limit);
    futures::pin_mut!(work, watchdog);
    match futures::future::select(work, watchdog).await {
        futures::future::Either::Left((result, _)) => result,
        futures::future::Either::Right(((), _)) => {
            if let Some(controller) = &controller {
                controller.abort();
            }
            if let Some(abort) = early_abort
                .and_then(|e| js_sys::Reflect::get(&e, &"abort".into()).ok())
                .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
            {
                let _ = abort.call0(&wasm_bindgen::JsValue::NULL);
            }
            let seconds = format!("{:.0}", limit / 1000.0);
            Err(fill(
                Msg::LoadTimedOut.text(page_lang()),
                &[("seconds", &seconds)],
            ))
        }
    }
}

/// The bytes of early.js's download; `None` when it failed before a response
/// (the caller fetches again).
async fn early_bytes(early: &js_sys::Object) -> Option<Result<Vec<u8>, String>> {
    use wasm_bindgen::JsCast;
    let get = |key: &str| js_sys::Reflect::get(early, &key.into()).ok();
    let promise: js_sys::Promise = get("response")?.dyn_into().ok()?;
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if let Err(message) = http_ok(&gloo_net::http::Response::from(response)) {
        return Some(Err(message));
    }
    let body = get("body").and_then(|b| b.dyn_into::<js_sys::Promise>().ok())?;
    let bytes = wasm_bindgen_futures::JsFuture::from(body)
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|e| {
            let reason = crate::ui::js_error_message(&e).unwrap_or_else(|| "unknown error".into());
            format!("could not read the response ({reason})")
        });
    Some(bytes)
}

fn http_ok(response: &gloo_net::http::Response) -> Result<(), String> {
    if response.ok() {
        Ok(())
    } else {
        Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ))
    }
}

/// Fetches `absolute` (gloo-net, with the controller's signal so the watchdog
/// can abort it), noting in `activity` each time the server is heard from.
async fn own_fetch(
    absolute: &str,
    controller: Option<&web_sys::AbortController>,
    activity: &std::cell::Cell<f64>,
) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    let signal = controller.map(web_sys::AbortController::signal);
    let response = gloo_net::http::Request::get(absolute)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| format!("network error ({e})"))?;
    activity.set(now());
    http_ok(&response)?;
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| "could not read the response".to_owned())?;
    // The bytes, copied into wasm memory as they arrive (a quarter faster at
    // 10,000 events than decoding to a JS string and encoding it again).
    let mut bytes = Vec::new();
    loop {
        let step = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|e| {
                let reason =
                    crate::ui::js_error_message(&e).unwrap_or_else(|| "unknown error".into());
                format!("could not read the response ({reason})")
            })?;
        activity.set(now());
        let done = js_sys::Reflect::get(&step, &"done".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        if let Ok(value) = js_sys::Reflect::get(&step, &"value".into()) {
            let chunk = js_sys::Uint8Array::new(&value);
            let start = bytes.len();
            bytes.resize(start + chunk.length() as usize, 0);
            chunk.copy_to(&mut bytes[start..]);
        }
    }
}

/// The name of the performance measure around parsing and validation of the
/// fetched files (read by `./scripts/bench` with `performance.getEntriesByName`).
pub const LOAD_MEASURE: &str = "mapline:load-dataset";

/// Runs `work` (parse and validate) between two performance marks, measured as
/// [`LOAD_MEASURE`] (with the importers' module, for a file that needs it and
/// a first time, its download). Timing never fails the load: without
/// `performance` it just runs.
async fn timed_load<T>(work: impl std::future::Future<Output = T>) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = "mapline:load-dataset:start";
    if let Some(p) = &performance {
        let _ = p.mark(start);
    }
    let out = work.await;
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(LOAD_MEASURE, start);
    }
    out
}

/// Loads a manifest and every file it names. A manifest that cannot be read is an
/// error; a data file that cannot be fetched becomes a problem, and the rest loads.
pub async fn load_manifest_dataset(manifest_url: &str) -> Result<NetworkData, LoadError> {
    let manifest_abs = absolute_url(manifest_url, None)?;
    let Fetched {
        text,
        problem: manifest_bytes,
    } = fetch_text(&manifest_abs).await?;
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
    let mut fetch_problems: Vec<Problem> = manifest_bytes.into_iter().collect();
    for (url, result) in urls.iter().zip(fetched) {
        match result {
            Ok(Fetched { text, problem }) => {
                // Broken bytes are reported; the text still loads.
                fetch_problems.extend(problem);
                sources.push(SourceFile::new(display_name(url), text));
            }
            Err(error) => fetch_problems.push(Problem::error(&error.source, "", error.message)),
        }
    }
    // The same loader as the preview and `mapline check`: a manifest may list
    // TimelineJS3, StoryMapJS and CSV files beside Mapline documents.
    let mut loaded = timed_load(files::load_files(sources)).await;
    point_to_full_app(&mut loaded.problems);
    let mut problems = fetch_problems;
    problems.extend(loaded.problems);
    Ok(NetworkData {
        dataset: loaded.dataset,
        problems,
    })
}

/// Completes the problem of a CSV file that this entry point's build does not
/// read (the embeds: `crate::import::CSV_IN_FULL_APP`) with the address of the
/// reader app on the same data, where it is read.
fn point_to_full_app(problems: &mut [Problem]) {
    use crate::import::CSV_IN_FULL_APP;
    for problem in problems.iter_mut() {
        if problem.message == CSV_IN_FULL_APP {
            let home = crate::ui::links::href_now(crate::route::Route::Home);
            let address = absolute_url(&home, None).unwrap_or(home);
            problem.message = format!("{CSV_IN_FULL_APP}: open it at {address}");
        }
    }
}

/// Loads one document of any supported format. A document that cannot be
/// fetched, is not JSON, or holds nothing Mapline can show is an error (the
/// embed shows it, with `data-state="error"`); problems in an otherwise usable
/// document are listed beside it.
pub async fn load_source_document(
    url: &str,
    fetched: impl FnOnce(usize),
) -> Result<NetworkData, LoadError> {
    let absolute = absolute_url(url, None)?;
    let Fetched { text, problem } = fetch_text(&absolute).await?;
    fetched(text.len());
    // One microtask: what `fetched` started (a fetch) goes out before the read,
    // one long task, begins.
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
        &wasm_bindgen::JsValue::NULL,
    ))
    .await;
    let name = display_name(&absolute);
    let mut loaded = timed_load(files::load_files(vec![SourceFile::new(name.clone(), text)])).await;
    point_to_full_app(&mut loaded.problems);
    loaded.problems.splice(0..0, problem);
    let stats = loaded.dataset.stats();
    // Records this build leaves unread count too: the page says which embed
    // shows them.
    let unread = loaded.dataset.unread;
    let shows_something = stats.members
        + stats.cases
        + stats.campaigns
        + stats.stories
        + stats.galleries
        + stats.timelines
        + unread.stories
        + unread.galleries
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
