//! Published pages: every page of the bundled dataset written at build time
//! as HTML (`mapline publish`), so it is readable before the wasm runs and
//! without JavaScript, and shareable and findable with its own head tags,
//! plus `sitemap.xml` and `robots.txt`. Pure Rust (model, text, i18n): the
//! same code and data the app renders, tested natively.
//!
//! Each page is the reader app's `index.html` with its content inside
//! `#app` (`data-published`); the app renders the same markup beside it,
//! hidden, and swaps once its render is ready (`app::start`), so nothing
//! jumps. Not Leptos hydration: that needs the views rendered natively
//! (Leptos `ssr`), which the csr-only crate and its wasm-only views cannot
//! do; the swap needs nothing of the views.

pub mod card;
pub mod first_view;
pub mod head;
pub mod html;
pub mod pages;
pub mod shell;

use serde_json::Value;

use self::pages::Ctx;
use self::shell::{Shell, Start};
use crate::geo::topojson::Shape;
use crate::i18n::Lang;
use crate::model::Dataset;

/// What kind of thing a page shows (`og:type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Website,
    Article,
    Profile,
}

/// The image of a share card: a local image of the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareImage {
    /// Below the public URL (`data/images/a.jpg`).
    pub path: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub alt: String,
    pub kind: &'static str,
}

/// One page, before it goes into the shell.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The app's route (`/cases/iryna-khalip`, percent-encoded).
    pub route: String,
    /// The record's id; empty for the app's own pages.
    pub id: String,
    pub kind: PageKind,
    /// `<title>`: the page's name · the dataset's title.
    pub title: String,
    /// The page's name alone (the share card's title).
    pub heading: String,
    /// The summary on one line (meta description).
    pub description: String,
    /// The record's own image; `None` → a generated card.
    pub image: Option<ShareImage>,
    /// The generated card's line under the name.
    pub card_line: String,
    /// An image to fetch first (`<link rel="preload">`), as the page's `src`.
    pub preload: Option<String>,
    /// schema.org items (without `@context`).
    pub json_ld: Vec<Value>,
    /// The content inside `<main>`.
    pub main: String,
    /// Part of the page is left for the app to draw (the map page when the
    /// build has no atlas to draw its picture from): the app starts after
    /// the first paint, not at the reader's first input.
    pub app_draws: bool,
}

impl Page {
    /// The route's first segment (`cases`; empty for the home page).
    pub fn section(&self) -> &str {
        self.route
            .trim_start_matches('/')
            .split(['/', '?'])
            .next()
            .unwrap_or("")
    }

    /// When the page starts the app: pages that are whole as HTML (the
    /// home page and a campaign with their charts, cases, members,
    /// galleries, whose photos a tap holds for the app's lightbox, the
    /// stories, each slide's place drawn as a locator, and the map page
    /// with its map drawn as a picture) wait for the reader's first input;
    /// the timeline has a view only the app draws, and starts it at once.
    pub fn start(&self) -> Start {
        if self.app_draws {
            return Start::AfterPaint;
        }
        match (self.section(), self.id.is_empty()) {
            ("", true) | ("cases" | "members" | "campaigns", false) | ("galleries", _) => {
                Start::OnInput
            }
            ("stories", _) | ("map", true) => Start::OnInput,
            _ => Start::AfterPaint,
        }
    }

    pub fn heading_or_title(&self) -> String {
        if self.heading.is_empty() {
            self.title.clone()
        } else {
            self.heading.clone()
        }
    }
}

/// The build settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The deployment's absolute address with its public path
    /// (`https://example.org/sub`), for canonical, share and sitemap URLs.
    pub base_url: Option<String>,
    /// The public URL's path (`/sub`, or empty), from the shell's `<base href>`.
    pub public_path: String,
    pub site_title: String,
}

/// The files to write, each a path below the dist folder and its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    pub files: Vec<(String, String)>,
    /// Records left out, and why.
    pub skipped: Vec<String>,
    /// Pages written (for the summary line and the sitemap).
    pub pages: usize,
}

/// An id that can be a folder name on any host: anything else would leave
/// the page's folder (`..`, `a/b`) or be hidden (`.x`). Such records stay
/// client-rendered (the SPA fallback), with a note.
pub fn is_safe_folder(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && !id.chars().any(|c| c == '/' || c == '\\' || c.is_control())
}

/// An id as a file name of only `a-z A-Z 0-9 - _` (others as `_xx` bytes),
/// the same in a URL and on disk.
fn file_name(id: &str) -> String {
    let mut out = String::new();
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("_{byte:02x}"));
        }
    }
    out
}

/// Every page of `dataset`, in sitemap order.
pub fn all_pages(ctx: &Ctx) -> Vec<Page> {
    let d = ctx.dataset;
    let mut out = vec![
        pages::home_page(ctx),
        pages::map_page(ctx),
        pages::timeline_page(ctx),
    ];
    out.extend(pages::index_pages(ctx));
    out.extend(d.stories.iter().map(|s| pages::story_page(ctx, s)));
    out.extend(d.galleries.iter().map(|g| pages::gallery_page(ctx, g)));
    out.extend(d.cases.iter().map(|c| pages::case_page(ctx, c)));
    out.extend(d.members.iter().map(|m| pages::member_page(ctx, m)));
    out.extend(d.campaigns.iter().map(|c| pages::campaign_page(ctx, c)));
    out
}

/// The static header, main landmark and footer around a page's content, as
/// `app::shell::Chrome` renders them (search box and language menu as
/// same-size placeholders until the app takes over).
fn chrome(ctx: &Ctx, page: &Page) -> String {
    use crate::i18n::Msg;
    use crate::route::Route;
    use html::{attr, text};
    let tr = |m: Msg| text(m.text(ctx.lang));
    let nav: String = [
        (Route::Map, Msg::NavMap),
        (Route::Timeline, Msg::NavTimeline),
        (Route::Stories, Msg::NavStories),
        (Route::Galleries, Msg::NavGalleries),
    ]
    .into_iter()
    .map(|(route, msg)| {
        let current = if page.route == route.path() {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!(
            "<li><a href=\"{}\"{current}>{}</a></li>",
            attr(&ctx.href(route)),
            tr(msg)
        )
    })
    .collect();
    format!(
        "<a class=\"skip-link\" href=\"{skip}\">{skip_label}</a>\
<header class=\"site-header\"><a href=\"{home}\" class=\"brand\">\
<svg class=\"brand-mark\" viewBox=\"0 0 32 32\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M6 22 L13 12 L19 19 L26 9\" stroke=\"currentColor\" stroke-width=\"3\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"></path></svg>\
<span>{app}</span></a>\
<nav class=\"site-nav\" aria-label=\"{nav_label}\"><ul>{nav}<li><a href=\"{preview}\" rel=\"external\">{preview_label}</a></li></ul></nav>\
<div class=\"site-search published-placeholder\" aria-hidden=\"true\"><input type=\"search\" disabled placeholder=\"{search}\"></div>\
<label class=\"language-select published-placeholder\" aria-hidden=\"true\"><select disabled><option>{lang}</option></select></label>\
</header><main id=\"main\" tabindex=\"-1\">{main}</main>\
<footer class=\"site-footer\"><p>{note}</p></footer>",
        skip = attr(&format!("{}{}#main", ctx.base, page.route)),
        skip_label = tr(Msg::SkipToContent),
        home = attr(&ctx.href(Route::Home)),
        app = tr(Msg::AppName),
        nav_label = attr(Msg::MainNavigation.text(ctx.lang)),
        preview = attr(&ctx.href(Route::Preview)),
        preview_label = tr(Msg::NavPreview),
        search = attr(Msg::SearchPlaceholder.text(ctx.lang)),
        lang = text(ctx.lang.native_name()),
        main = page.main,
        note = tr(Msg::IllustrativeNote),
    )
}

/// Where a page goes below the dist folder (`cases/<id>/index.html`); `None`
/// for an id that cannot be a folder.
fn page_file(page: &Page) -> Option<String> {
    if page.id.is_empty() {
        let dir = page.route.trim_matches('/');
        return Some(if dir.is_empty() {
            "index.html".into()
        } else {
            format!("{dir}/index.html")
        });
    }
    let section = page.section();
    is_safe_folder(&page.id).then(|| format!("{section}/{}/index.html", page.id))
}

/// Publishes `dataset` into `shell_html` (the reader app's `index.html` as
/// Trunk built it): every page, its share card where it has no image,
/// `sitemap.xml` (with a base URL) and `robots.txt`.
pub fn publish(
    shell_html: &str,
    dataset: &Dataset,
    base_url: Option<&str>,
    world: &[Shape],
) -> Result<Site, shell::ShellError> {
    let shell = Shell::parse(shell_html)?;
    let lang = Lang::En;
    let site_title = dataset
        .manifest
        .as_ref()
        .and_then(|m| m.title.as_ref())
        .map(|t| t.resolve(lang.code()).to_owned())
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Mapline".to_owned());
    let settings = Settings {
        base_url: base_url.map(|b| b.trim_end_matches('/').to_owned()),
        public_path: shell.public_path.clone(),
        site_title: site_title.clone(),
    };
    let ctx = Ctx {
        dataset,
        lang,
        base: shell.public_path.clone(),
        site_title,
        world,
        own_host: None,
    };
    let mut site = Site::default();
    if let Some(script) = &shell.start_script {
        site.files.push(script.clone());
    }
    let mut routes = Vec::new();
    for page in all_pages(&ctx) {
        let Some(file) = page_file(&page) else {
            site.skipped.push(format!(
                "{}: the id {:?} cannot be a folder name; left to the app",
                page.route, page.id
            ));
            continue;
        };
        let (image_path, size, alt) = match &page.image {
            Some(image) => (
                image.path.clone(),
                (image.width, image.height),
                image.alt.clone(),
            ),
            None => {
                let section = page.section();
                let name = if page.id.is_empty() {
                    if section.is_empty() {
                        "home".to_owned()
                    } else {
                        section.to_owned()
                    }
                } else {
                    format!("{section}-{}", file_name(&page.id))
                };
                let path = format!("cards/{name}.svg");
                site.files.push((
                    path.clone(),
                    card::card_svg(
                        &page.heading_or_title(),
                        &page.card_line,
                        &settings.site_title,
                    ),
                ));
                (
                    path,
                    (Some(card::WIDTH), Some(card::HEIGHT)),
                    page.heading_or_title(),
                )
            }
        };
        let tags = head::head_tags(&page, &settings, &image_path, size, &alt);
        let body = format!("<div class=\"published\">{}</div>", chrome(&ctx, &page));
        site.files.push((
            file,
            shell.page(&head::title_tag(&page), &tags, &body, page.start()),
        ));
        routes.push(page.route.clone());
        site.pages += 1;
    }
    let preview = format!("{}/preview", settings.public_path);
    let mut robots = format!("User-agent: *\nDisallow: {preview}\n");
    if let Some(base) = &settings.base_url {
        site.files
            .push(("sitemap.xml".into(), sitemap(base, &routes)));
        robots.push_str(&format!("\nSitemap: {base}/sitemap.xml\n"));
    }
    site.files.push(("robots.txt".into(), robots));
    Ok(site)
}

/// `sitemap.xml` of `routes` under `base` (absolute, without trailing slash).
pub fn sitemap(base: &str, routes: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in routes {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            html::attr(&format!("{base}{route}"))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests;
