//! The content of each published page, as the app's views render it (same
//! elements, classes and data attributes: `pages::view`, `story::view`,
//! `gallery::view`, `app::home`), so the app's own render takes the place of
//! this one without moving anything. Parts that only work with the app
//! (Share and Embed, the search box, the language menu) are placeholders of
//! the same size, hidden and inert, until the app takes over.

use serde_json::{Value, json};

use super::html::{attr, link, rich_text, text};
use super::{Page, PageKind, ShareImage};
use crate::charts::{OutcomeTallies, bar_length, nice_axis};
use crate::countries;
use crate::gallery::{Tile, srcset, thumb_sizes};
use crate::geo::topojson::Shape;
use crate::i18n::{
    Counted, English, Lang, Locale, Msg, case_status, count, fill, outcome_kind, year,
};
use crate::map::locator::{DOT_RADIUS, HEIGHT, WIDTH, locate};
use crate::model::markdown;
use crate::model::text::Text;
use crate::model::{
    Campaign, Case, Dataset, Event, Gallery, Media, MediaKind, Member, Photo, Story,
};
use crate::route::Route;

/// What every page of one dataset shares.
pub struct Ctx<'a> {
    pub dataset: &'a Dataset,
    /// The language of the published HTML (the app's own default).
    pub lang: Lang,
    /// The public URL's path without its trailing slash (`/sub`, or empty).
    pub base: String,
    /// The dataset's title, for `<title>` and the share tags.
    pub site_title: String,
    /// The bundled atlas' country shapes (`countries-110m.json`), for the
    /// locator maps; empty when the build has none (the frame stays empty
    /// until the app draws it).
    pub world: &'a [Shape],
    /// The host the page is served from, where known (the timeline embed's
    /// first view, in the browser): media there is the page's own, as the
    /// app's `ui::media` has it. `None` at build time.
    pub own_host: Option<String>,
}

impl Ctx<'_> {
    fn tr(&self, msg: Msg) -> &'static str {
        msg.text(self.lang)
    }

    fn t(&self, value: &Text) -> String {
        value.resolve(self.lang.code()).to_owned()
    }

    fn t_opt(&self, value: Option<&Text>) -> String {
        value.map(|v| self.t(v)).unwrap_or_default()
    }

    /// A page's address under the public URL (`ui::links::href`, without the
    /// carried `data`/`source`: published pages show the bundled data).
    pub fn href(&self, route: Route<'_>) -> String {
        format!("{}{}", self.base, route.path())
    }

    fn a(&self, route: Route<'_>, label_html: &str) -> String {
        format!("<a href=\"{}\">{label_html}</a>", attr(&self.href(route)))
    }

    fn badge(&self, illustrative: bool) -> String {
        if illustrative {
            format!(
                "<span class=\"badge\" title=\"{}\">{}</span>",
                attr(self.tr(Msg::IllustrativeNote)),
                text(self.tr(Msg::Illustrative))
            )
        } else {
            String::new()
        }
    }

    /// `<h1>` with the record's name and its badge, as every record view has it.
    fn heading(&self, name: &str, illustrative: bool) -> String {
        format!("<h1>{} {}</h1>", text(name), self.badge(illustrative))
    }

    pub(super) fn rich(&self, value: Option<&Text>) -> String {
        rich_text(value, self.lang.code(), &self.base)
    }

    /// The Share and Embed buttons' place (`embed::dialog::ViewActions`).
    fn view_actions(&self) -> String {
        format!(
            "<div class=\"view-actions published-placeholder\" aria-hidden=\"true\">\
             <button type=\"button\" class=\"button button-quiet\" disabled>{}</button>\
             <button type=\"button\" class=\"button button-quiet\" disabled>{}</button></div>",
            text(self.tr(Msg::ShareButton)),
            text(self.tr(Msg::EmbedButton))
        )
    }

    fn country(&self, code: &str) -> String {
        countries::name_or_code(code).to_owned()
    }

    /// The page's `<title>`: its name, then the dataset's title.
    fn title(&self, name: &str) -> String {
        if name.is_empty() {
            self.site_title.clone()
        } else {
            format!("{name} · {}", self.site_title)
        }
    }
}

/// Plain text of a Markdown field, on one line, at most about 160
/// characters (cut at a word), for `meta description` and share cards.
pub fn summary_line(value: &str) -> String {
    let plain = markdown::plain_text(&markdown::parse(value));
    let line = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    const MAX: usize = 160;
    if line.chars().count() <= MAX {
        return line;
    }
    let cut: String = line.chars().take(MAX).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

/// The description of a record: its summary, else what its facts say.
fn describe(ctx: &Ctx, summary: Option<&Text>, facts: &[String]) -> String {
    let from_summary = summary.map(|s| summary_line(&ctx.t(s))).unwrap_or_default();
    if from_summary.is_empty() {
        facts
            .iter()
            .filter(|f| !f.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    } else {
        from_summary
    }
}

/// A local image of the data as a share image (absolute URLs are another
/// host's, which share cards may not fetch from this one: a card instead).
fn share_image(media: Option<&Media>, ctx: &Ctx) -> Option<ShareImage> {
    let media = media?;
    let local = !media.url.contains("://") && !media.url.starts_with("//");
    (local && media.resolved_kind() == MediaKind::Image).then(|| ShareImage {
        path: media.url.trim_start_matches('/').to_owned(),
        width: media.width,
        height: media.height,
        alt: ctx.t_opt(media.alt.as_ref()),
        kind: "image",
    })
}

/// An absolute http(s) URL's host: media there is loaded only on the reader's
/// request (`ui::media`).
fn external_host(url: &str, own: Option<&str>) -> Option<String> {
    let host = crate::model::url::host(url)?;
    (own != Some(host)).then(|| host.trim_start_matches("www.").to_owned())
}

/// `ui::media::MediaView`: the media and its caption and credit.
pub(super) fn media_view(ctx: &Ctx, media: &Media) -> String {
    media_figure(ctx, media, false, false)
}

/// [`media_view`] as the app first draws it, for a first view the app
/// follows within moments (`publish::first_view`): media from another host
/// behind the app's own "Load from" button, disabled until the app runs,
/// rather than a link away from the page.
pub(super) fn media_view_before_app(ctx: &Ctx, media: &Media) -> String {
    media_figure(ctx, media, false, true)
}

/// [`media_view`]; a `leading` image (the record's photo near the top of
/// its page, likely its largest paint) loads at once and first, where the
/// app's loads lazily: the app's copy then finds it in the cache.
/// `before_app`: see [`media_view_before_app`].
fn media_figure(ctx: &Ctx, media: &Media, leading: bool, before_app: bool) -> String {
    let loading = if leading {
        " loading=\"eager\" fetchpriority=\"high\""
    } else {
        " loading=\"lazy\""
    };
    let body = match (
        media.resolved_kind(),
        external_host(&media.url, ctx.own_host.as_deref()),
    ) {
        (MediaKind::Link, _) => {
            let label = ctx.t_opt(media.title.as_ref().or(media.caption.as_ref()));
            let label = if label.is_empty() {
                media.url.clone()
            } else {
                label
            };
            link(&media.url, &text(&label), &ctx.base)
        }
        (_, Some(host)) if before_app => format!(
            "<div class=\"external-media\" data-provider=\"{}\"><p>{}</p><button class=\"button\" type=\"button\" disabled>{}</button></div>",
            attr(&host),
            text(&fill(ctx.tr(Msg::ExternalNotice), &[("host", &host)])),
            text(&fill(ctx.tr(Msg::LoadFrom), &[("host", &host)]))
        ),
        // Without the app, the notice links to the media instead of loading it.
        (_, Some(host)) => format!(
            "<div class=\"external-media\" data-provider=\"{}\"><p>{}</p><p>{}</p></div>",
            attr(&host),
            text(&fill(ctx.tr(Msg::ExternalNotice), &[("host", &host)])),
            link(
                &media.url,
                &text(&fill(ctx.tr(Msg::LoadFrom), &[("host", &host)])),
                &ctx.base
            )
        ),
        (MediaKind::Image, None) => format!(
            "<img src=\"{}\" alt=\"{}\"{}{loading} decoding=\"async\">",
            attr(&media.url),
            attr(&ctx.t_opt(media.alt.as_ref())),
            size_attrs(media.width, media.height)
        ),
        (MediaKind::Audio, None) => format!(
            "<audio controls preload=\"none\" src=\"{}\"></audio>",
            attr(&media.url)
        ),
        (MediaKind::Video, None) => format!(
            "<video controls preload=\"none\" src=\"{}\"></video>",
            attr(&media.url)
        ),
    };
    let caption = if media.caption.is_some() || media.credit.is_some() {
        format!(
            "<figcaption><span class=\"media-caption\">{}</span> <span class=\"media-credit\">{}</span></figcaption>",
            text(&ctx.t_opt(media.caption.as_ref())),
            text(&ctx.t_opt(media.credit.as_ref()))
        )
    } else {
        String::new()
    };
    format!("<figure class=\"media\">{body}{caption}</figure>")
}

fn size_attrs(width: Option<u32>, height: Option<u32>) -> String {
    let mut out = String::new();
    if let Some(w) = width {
        out.push_str(&format!(" width=\"{w}\""));
    }
    if let Some(h) = height {
        out.push_str(&format!(" height=\"{h}\""));
    }
    out
}

/// `pages::view::locator`: the locator map, drawn as the app draws it
/// (`map::locator_view`: the same SVG, so the app's render replaces it
/// without a change), and the link to the country on the map. The page is
/// whole without the app: it may never start (`shell`, the start script).
fn locator(
    ctx: &Ctx,
    country: &str,
    place: Option<(f64, f64)>,
    place_name: Option<&Text>,
) -> String {
    let country_text = ctx.country(country);
    let label = match place_name.map(|name| ctx.t(name)) {
        Some(name) if !name.is_empty() => format!("{name}, {country_text}"),
        _ => country_text,
    };
    let drawing = locate(ctx.world, country, place)
        .map(|locator| locator_svg(ctx, &locator, &label))
        .unwrap_or_default();
    format!(
        "<figure class=\"locator-figure\"><div class=\"locator-frame\">{drawing}</div><figcaption>{}</figcaption></figure>",
        ctx.a(Route::MapCountry(country), &text(ctx.tr(Msg::ShowOnMap)))
    )
}

/// A locator's SVG (`map::locator_view`'s markup), labelled with `place`.
fn locator_svg(ctx: &Ctx, locator: &crate::map::locator::Locator, place: &str) -> String {
    let mut svg = format!(
        "<svg class=\"locator\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        attr(&fill(ctx.tr(Msg::LocatorLabel), &[("place", place)]))
    );
    for shape in &locator.shapes {
        let class = if shape.highlighted {
            " class=\"locator-country\""
        } else {
            ""
        };
        svg.push_str(&format!("<path d=\"{}\"{class}></path>", attr(&shape.path)));
    }
    if let Some((x, y)) = locator.dot {
        svg.push_str(&format!(
            "<circle class=\"locator-dot\" cx=\"{x:.0}\" cy=\"{y:.0}\" r=\"{DOT_RADIUS}\"></circle>"
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Where a story's slide takes place, before the app draws the story's map:
/// a locator of the slide's place (its country shaded when it names one),
/// captioned with the place's name. Empty for a slide without a place, or
/// without the atlas.
fn slide_locator(ctx: &Ctx, place: &crate::model::Place) -> String {
    if ctx.world.is_empty() {
        return String::new();
    }
    let position = place.position();
    let name = place
        .name
        .as_ref()
        .map(|n| ctx.t(n))
        .filter(|n| !n.trim().is_empty());
    let country = place.country.as_deref().map(|code| ctx.country(code));
    let located = match place.country.as_deref() {
        Some(code) => locate(ctx.world, code, position),
        // At the zoom the story's own map gives the place.
        None => position.and_then(|p| {
            crate::map::locator::locate_point(ctx.world, p, crate::story::place_zoom(place))
        }),
    };
    let coordinates = position.map(|(lat, lon)| format!("{lat:.2}, {lon:.2}"));
    let (Some(locator), Some(label)) = (located, name.or(country).or(coordinates)) else {
        return String::new();
    };
    format!(
        "<figure class=\"locator-figure slide-locator\"><div class=\"locator-frame\">{}</div><figcaption>{}</figcaption></figure>",
        locator_svg(ctx, &locator, &label),
        text(&label)
    )
}

/// `charts::view::OutcomesInfographic`: the outcomes of `tallies` by kind, by
/// country and by year, each an SVG bar chart with its table, as the app
/// draws it (same geometry: `charts::bar_length`, `charts::nice_axis`), so
/// a page is whole with its charts before the app runs.
fn infographic(ctx: &Ctx, tallies: &OutcomeTallies, id: &str) -> String {
    let kinds: Vec<(String, usize)> = tallies
        .by_kind
        .iter()
        .map(|t| (ctx.tr(outcome_kind(t.key)).to_owned(), t.count))
        .collect();
    let countries: Vec<(String, usize)> = tallies
        .by_country
        .iter()
        .map(|t| (ctx.country(&t.key), t.count))
        .collect();
    let years: Vec<(String, usize)> = tallies
        .by_year
        .iter()
        .map(|t| (year(&English, t.key), t.count))
        .collect();
    format!(
        "<section class=\"infographic\" aria-labelledby=\"{id}-heading\"><h2 id=\"{id}-heading\">{}</h2><div class=\"charts\">{}{}{}</div></section>",
        text(ctx.tr(Msg::ResultsInfographic)),
        bar_chart(
            ctx,
            &format!("{id}-kind"),
            Msg::OutcomesByKind,
            Msg::Kind,
            &kinds
        ),
        bar_chart(
            ctx,
            &format!("{id}-country"),
            Msg::OutcomesByCountry,
            Msg::Country,
            &countries
        ),
        bar_chart(
            ctx,
            &format!("{id}-year"),
            Msg::OutcomesByYear,
            Msg::Year,
            &years
        ),
    )
}

/// One chart of [`infographic`] (`charts::view::BarChart`).
fn bar_chart(ctx: &Ctx, id: &str, title: Msg, key_header: Msg, bars: &[(String, usize)]) -> String {
    use crate::charts::{AXIS_HEIGHT, BAR_GAP, BAR_HEIGHT, CHART_WIDTH, LABEL_WIDTH};
    let written = |n: usize| English.number(n as f64);
    let (top, ticks) = nice_axis(bars.iter().map(|(_, count)| *count).max().unwrap_or(0));
    let plot_width = CHART_WIDTH - LABEL_WIDTH - 16.0;
    let height = AXIS_HEIGHT + bars.len() as f64 * (BAR_HEIGHT + BAR_GAP);
    let mut svg = format!(
        "<svg class=\"bar-chart\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"group\" aria-labelledby=\"{id}-title\" preserveAspectRatio=\"xMinYMin meet\">"
    );
    for tick in ticks {
        let x = LABEL_WIDTH + bar_length(tick, top, plot_width);
        svg.push_str(&format!(
            "<g class=\"tick\" aria-hidden=\"true\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{height}\"></line><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            AXIS_HEIGHT - 4.0,
            AXIS_HEIGHT - 8.0,
            text(&written(tick))
        ));
    }
    let mut rows = String::new();
    for (i, (label, count)) in bars.iter().enumerate() {
        let y = AXIS_HEIGHT + i as f64 * (BAR_HEIGHT + BAR_GAP);
        let length = bar_length(*count, top, plot_width).max(2.0);
        let value = written(*count);
        svg.push_str(&format!(
            "<g class=\"bar\" tabindex=\"0\" role=\"img\" aria-label=\"{}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\" aria-hidden=\"true\">{}</text><rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{length}\" height=\"{BAR_HEIGHT}\" rx=\"3\"></rect><text x=\"{}\" y=\"{}\" class=\"bar-value\" aria-hidden=\"true\">{}</text></g>",
            attr(&format!("{label}: {value}")),
            LABEL_WIDTH - 8.0,
            y + BAR_HEIGHT * 0.7,
            text(label),
            LABEL_WIDTH + length + 6.0,
            y + BAR_HEIGHT * 0.7,
            text(&value),
        ));
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            text(label),
            text(&value)
        ));
    }
    svg.push_str("</svg>");
    format!(
        "<figure class=\"chart\" data-chart=\"{id}\"><figcaption id=\"{id}-title\"><h3>{}</h3></figcaption>{svg}<details class=\"chart-table\"><summary>{}</summary><table class=\"data\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table></details></figure>",
        text(ctx.tr(title)),
        text(ctx.tr(Msg::ShowTable)),
        text(ctx.tr(key_header)),
        text(ctx.tr(Msg::Count)),
    )
}

/// A photo's `<img>` (`gallery::view::PhotoImage`).
fn photo_image(ctx: &Ctx, photo: &Photo, sizes: &str) -> String {
    let srcset = srcset(photo)
        .map(|s| format!(" srcset=\"{}\" sizes=\"{}\"", attr(&s), attr(sizes)))
        .unwrap_or_default();
    format!(
        "<img src=\"{}\"{srcset} alt=\"{}\"{} loading=\"lazy\" decoding=\"async\">",
        attr(&photo.url),
        attr(&ctx.t_opt(photo.alt.as_ref())),
        size_attrs(photo.width, photo.height)
    )
}

/// The justified grid (`gallery::view::PhotoGrid`); each tile links to its
/// photo, where the app's tile is a button opening the lightbox.
fn photo_grid(ctx: &Ctx, gallery: &Gallery) -> String {
    let tiles: String = gallery
        .photos
        .iter()
        .map(|photo| {
            let tile = Tile::of(photo);
            format!(
                "<li class=\"photo-tile\" data-photo-id=\"{}\" style=\"{}\"><a class=\"photo-open\" href=\"{}\">{}</a></li>",
                attr(&photo.id),
                attr(&tile.style()),
                attr(&photo.url),
                photo_image(ctx, photo, &thumb_sizes(tile.ratio))
            )
        })
        .collect();
    format!("<ul class=\"photo-grid\">{tiles}</ul>")
}

/// The dated events of a record as schema.org `Event`s.
fn events_ld(
    ctx: &Ctx,
    events: &[Event],
    country: Option<&str>,
    about: Option<&str>,
) -> Vec<Value> {
    events
        .iter()
        .filter_map(|event| {
            let start = super::head::iso_date(event.date.start_point()?)?;
            let mut ld = json!({
                "@type": "Event",
                "name": ctx.t(&event.headline),
                "startDate": start,
            });
            if let Some(end) = event
                .end_date
                .as_ref()
                .and_then(|d| d.end_point())
                .and_then(super::head::iso_date)
            {
                ld["endDate"] = json!(end);
            }
            if let Some(text) = &event.text {
                ld["description"] = json!(summary_line(&ctx.t(text)));
            }
            if let Some(code) = country {
                ld["location"] = json!({
                    "@type": "Place",
                    "name": ctx.country(code),
                    "address": { "@type": "PostalAddress", "addressCountry": code },
                });
            }
            if let Some(name) = about {
                ld["about"] = json!({ "@type": "Person", "name": name });
            }
            Some(ld)
        })
        .collect()
}

fn page(route: Route<'_>, kind: PageKind) -> Page {
    Page {
        route: route.path(),
        id: String::new(),
        kind,
        title: String::new(),
        heading: String::new(),
        description: String::new(),
        image: None,
        card_line: String::new(),
        preload: None,
        json_ld: Vec::new(),
        main: String::new(),
        app_draws: false,
    }
}

pub fn case_page(ctx: &Ctx, case: &Case) -> Page {
    let name = ctx.t(&case.person);
    let status = ctx.tr(case_status(case.status));
    let profession = ctx.t_opt(case.profession.as_ref());
    let country = ctx.country(&case.country);
    let mut html = format!(
        "<article class=\"case\" data-case-id=\"{}\">{}{}",
        attr(&case.id),
        ctx.heading(&name, case.illustrative),
        ctx.view_actions()
    );
    html.push_str(&format!(
        "<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd data-status=\"{:?}\">{}</dd></dl>",
        text(ctx.tr(Msg::Profession)),
        text(&profession),
        text(ctx.tr(Msg::Country)),
        text(&country),
        text(ctx.tr(Msg::Status)),
        case.status,
        text(status)
    ));
    let place = case.place.as_ref().and_then(|p| p.lat.zip(p.lon));
    let place_name = case.place.as_ref().and_then(|p| p.name.as_ref());
    html.push_str(&locator(ctx, &case.country, place, place_name));
    if let Some(photo) = &case.photo {
        html.push_str(&media_figure(ctx, photo, true, false));
    }
    html.push_str(&ctx.rich(case.summary.as_ref()));
    html.push_str(&format!(
        "<h2>{}</h2><ol class=\"events\">",
        text(ctx.tr(Msg::Outcomes))
    ));
    for event in &case.outcomes {
        html.push_str(&format!(
            "<li class=\"event\" data-event-id=\"{}\"><p class=\"event-date\">{}</p><h3>{} {}</h3>{}<p><a href=\"{}\" class=\"event-on-timeline\">{}</a></p></li>",
            attr(&event.id),
            text(&event.date_label(ctx.lang.code())),
            text(&ctx.t(&event.headline)),
            ctx.badge(event.illustrative),
            ctx.rich(event.text.as_ref()),
            attr(&ctx.href(Route::TimelineEvent(&event.id))),
            text(ctx.tr(Msg::SeeOnTimeline))
        ));
    }
    html.push_str("</ol>");
    let campaigns: Vec<&Campaign> = ctx.dataset.campaigns_of_case(case).collect();
    if !campaigns.is_empty() {
        html.push_str(&format!("<h2>{}</h2><ul>", text(ctx.tr(Msg::Campaigns))));
        for c in campaigns {
            html.push_str(&format!(
                "<li>{}</li>",
                ctx.a(Route::Campaign(&c.id), &text(&ctx.t(&c.name)))
            ));
        }
        html.push_str("</ul>");
    }
    if let Some(gallery) = case
        .gallery
        .as_deref()
        .and_then(|id| ctx.dataset.gallery(id))
    {
        html.push_str(&format!(
            "<section class=\"gallery-block\" data-gallery-id=\"{}\" aria-labelledby=\"gallery-title-0\"><h2 id=\"gallery-title-0\">{} {}</h2>{}</section>",
            attr(&gallery.id),
            text(&ctx.t(&gallery.title)),
            ctx.badge(gallery.illustrative),
            photo_grid(ctx, gallery)
        ));
    }
    if !case.sources.is_empty() {
        html.push_str(&format!("<h2>{}</h2><ul>", text(ctx.tr(Msg::Sources))));
        for s in &case.sources {
            let label = s
                .title
                .as_ref()
                .map(|t| ctx.t(t))
                .unwrap_or_else(|| s.url.clone());
            html.push_str(&format!(
                "<li>{}</li>",
                link(&s.url, &text(&label), &ctx.base)
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str("</article>");

    let mut p = page(Route::Case(&case.id), PageKind::Article);
    p.id = case.id.clone();
    p.title = ctx.title(&name);
    p.heading = name.clone();
    p.description = describe(
        ctx,
        case.summary.as_ref(),
        &[profession.clone(), country.clone(), status.to_owned()],
    );
    p.image = share_image(case.photo.as_ref(), ctx);
    p.preload = p.image.as_ref().map(|_| {
        case.photo
            .as_ref()
            .map(|m| m.url.clone())
            .unwrap_or_default()
    });
    p.card_line = [profession, country]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut graph = vec![json!({
        "@type": "Person",
        "name": name,
        "jobTitle": ctx.t_opt(case.profession.as_ref()),
        "nationality": { "@type": "Country", "name": ctx.country(&case.country) },
    })];
    graph.extend(events_ld(
        ctx,
        &case.outcomes,
        Some(&case.country),
        Some(&name),
    ));
    p.json_ld = graph;
    p.main = html;
    p
}

pub fn member_page(ctx: &Ctx, member: &Member) -> Page {
    let name = ctx.t(&member.name);
    let country = ctx.country(&member.country);
    let city = ctx.t_opt(member.city.as_ref());
    let mut html = format!(
        "<article class=\"member\" data-member-id=\"{}\">{}<dl class=\"facts\"><dt>{}</dt><dd>{}</dd>",
        attr(&member.id),
        ctx.heading(&name, member.illustrative),
        text(ctx.tr(Msg::Country)),
        text(&country)
    );
    if member.city.is_some() {
        html.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>",
            text(ctx.tr(Msg::City)),
            text(&city)
        ));
    }
    if let Some(year) = member.joined {
        html.push_str(&format!(
            "<dt>{}</dt><dd>{year}</dd>",
            text(ctx.tr(Msg::Joined))
        ));
    }
    if let Some(url) = &member.website {
        html.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>",
            text(ctx.tr(Msg::Website)),
            link(url, &text(url), &ctx.base)
        ));
    }
    html.push_str("</dl>");
    // A country's centre stands in for missing coordinates: no dot for it.
    let place = member
        .coordinates
        .as_ref()
        .filter(|c| !c.from_country)
        .map(|c| (c.lat, c.lon));
    html.push_str(&locator(ctx, &member.country, place, member.city.as_ref()));
    html.push_str(&ctx.rich(member.description.as_ref()));
    let cases: Vec<&Case> = ctx.dataset.cases_of_member(&member.id).collect();
    if !cases.is_empty() {
        html.push_str(&format!("<h2>{}</h2><ul>", text(ctx.tr(Msg::Cases))));
        for c in cases {
            html.push_str(&format!(
                "<li>{}</li>",
                ctx.a(Route::Case(&c.id), &text(&ctx.t(&c.person)))
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str("</article>");

    let mut p = page(Route::Member(&member.id), PageKind::Profile);
    p.id = member.id.clone();
    p.title = ctx.title(&name);
    p.heading = name.clone();
    p.description = describe(
        ctx,
        member.description.as_ref(),
        &[city.clone(), country.clone()],
    );
    p.image = share_image(member.logo.as_ref(), ctx);
    p.card_line = [city.clone(), country]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut org = json!({
        "@type": "Organization",
        "name": name,
        "address": { "@type": "PostalAddress", "addressCountry": member.country },
    });
    if !city.is_empty() {
        org["address"]["addressLocality"] = json!(city);
    }
    if let Some(url) = member
        .website
        .as_ref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        org["url"] = json!(url);
    }
    if let Some(year) = member.joined {
        org["memberOf"] = json!({ "@type": "Organization", "name": ctx.site_title, "startDate": year.to_string() });
    }
    if !p.description.is_empty() {
        org["description"] = json!(p.description);
    }
    p.json_ld = vec![org];
    p.main = html;
    p
}

pub fn campaign_page(ctx: &Ctx, campaign: &Campaign) -> Page {
    let name = ctx.t(&campaign.name);
    let period = campaign.period.map(|p| p.label()).unwrap_or_default();
    let mut html = format!(
        "<article class=\"campaign\" data-campaign-id=\"{}\">{}",
        attr(&campaign.id),
        ctx.heading(&name, campaign.illustrative)
    );
    if campaign.period.is_some() {
        html.push_str(&format!("<p>{}</p>", text(&period)));
    }
    html.push_str(&ctx.rich(campaign.description.as_ref()));
    let featured: Vec<(&String, &Case)> = campaign
        .featured_cases
        .iter()
        .filter_map(|id| ctx.dataset.case(id).map(|c| (id, c)))
        .collect();
    if !campaign.featured_cases.is_empty() {
        html.push_str(&format!("<h2>{}</h2><ul>", text(ctx.tr(Msg::Cases))));
        for (id, case) in &featured {
            html.push_str(&format!(
                "<li>{}</li>",
                ctx.a(Route::Case(id), &text(&ctx.t(&case.person)))
            ));
        }
        html.push_str("</ul>");
    }
    let tallies = OutcomeTallies::of(ctx.dataset.cases_of_campaign(&campaign.id));
    if !tallies.is_empty() {
        html.push_str(&infographic(ctx, &tallies, "campaign-results"));
    }
    if !campaign.results.is_empty() {
        html.push_str(&format!("<h2>{}</h2><ul>", text(ctx.tr(Msg::Outcomes))));
        for r in &campaign.results {
            html.push_str(&format!(
                "<li data-result-case=\"{}\">{}</li>",
                attr(&r.case),
                ctx.rich(r.text.as_ref())
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str("</article>");

    let mut p = page(Route::Campaign(&campaign.id), PageKind::Article);
    p.id = campaign.id.clone();
    p.title = ctx.title(&name);
    p.heading = name.clone();
    p.description = describe(
        ctx,
        campaign.description.as_ref(),
        &[name.clone(), period.clone()],
    );
    p.image = share_image(campaign.media.as_ref(), ctx);
    p.card_line = period;
    p.json_ld = events_ld(ctx, &campaign.milestones, None, None);
    p.main = html;
    p
}

pub fn story_page(ctx: &Ctx, story: &Story) -> Page {
    let title = ctx.t(&story.title);
    // The story's own layout class (as the app's first render), with every
    // slide shown: readable in order without the app.
    let layout = match story.layout {
        crate::model::StoryLayout::Slides => "story-slides",
        crate::model::StoryLayout::Scroll => "story-scroll",
    };
    let mut html = format!(
        "<article class=\"story {layout}\" data-story-id=\"{}\">{}{}{}",
        attr(&story.id),
        ctx.heading(&title, story.illustrative),
        ctx.view_actions(),
        ctx.rich(story.summary.as_ref())
    );
    if story.slides.is_empty() {
        html.push_str(&format!(
            "<p class=\"story-no-slides\" role=\"status\">{}</p>",
            text(ctx.tr(Msg::StoryNoSlides))
        ));
    } else {
        html.push_str("<div class=\"story-body\"><ol class=\"slides\">");
        for slide in &story.slides {
            let kind = match slide.slide_type {
                crate::model::SlideType::Overview => "overview",
                crate::model::SlideType::Slide => "slide",
            };
            html.push_str(&format!(
                "<li class=\"slide\" data-slide-id=\"{}\" data-slide-type=\"{kind}\"><h2>{}</h2>",
                attr(&slide.id),
                text(&ctx.t_opt(slide.headline.as_ref()))
            ));
            if let Some(date) = &slide.date {
                html.push_str(&format!(
                    "<p class=\"slide-date\">{}</p>",
                    text(&date.label())
                ));
            }
            html.push_str(&ctx.rich(slide.text.as_ref()));
            if let Some(media) = &slide.media {
                html.push_str(&media_view(ctx, media));
            }
            if let Some(place) = &slide.place {
                html.push_str(&slide_locator(ctx, place));
            }
            html.push_str("</li>");
        }
        html.push_str("</ol></div>");
    }
    html.push_str("</article>");

    let mut p = page(Route::Story(&story.id), PageKind::Article);
    p.id = story.id.clone();
    // The slides' places are drawn with the atlas; without it only the app
    // shows where the story goes.
    p.app_draws = ctx.world.is_empty() && story.slides.iter().any(|slide| slide.place.is_some());
    p.title = ctx.title(&title);
    p.heading = title.clone();
    let slides = count(&English, Counted::Slides, story.slides.len());
    p.description = describe(
        ctx,
        story.summary.as_ref(),
        &[title.clone(), slides.clone()],
    );
    p.image = share_image(story.cover.as_ref(), ctx);
    p.card_line = slides;
    let mut article = json!({
        "@type": "Article",
        "headline": title,
        "publisher": { "@type": "Organization", "name": ctx.site_title },
    });
    if !p.description.is_empty() {
        article["description"] = json!(p.description);
    }
    p.json_ld = vec![article];
    p.main = html;
    p
}

pub fn gallery_page(ctx: &Ctx, gallery: &Gallery) -> Page {
    let title = ctx.t(&gallery.title);
    let html = format!(
        "<article class=\"gallery\" data-gallery-id=\"{}\">{}{}{}{}</article>",
        attr(&gallery.id),
        ctx.heading(&title, gallery.illustrative),
        ctx.view_actions(),
        ctx.rich(gallery.description.as_ref()),
        photo_grid(ctx, gallery)
    );
    let mut p = page(Route::Gallery(&gallery.id), PageKind::Article);
    p.id = gallery.id.clone();
    p.title = ctx.title(&title);
    p.heading = title.clone();
    let photos = count(&English, Counted::Photos, gallery.photos.len());
    p.description = describe(
        ctx,
        gallery.description.as_ref(),
        &[title.clone(), photos.clone()],
    );
    p.image = gallery.cover_photo().and_then(|photo| {
        let local = !photo.url.contains("://") && !photo.url.starts_with("//");
        local.then(|| ShareImage {
            path: photo.url.trim_start_matches('/').to_owned(),
            width: photo.width,
            height: photo.height,
            alt: ctx.t_opt(photo.alt.as_ref()),
            kind: "image",
        })
    });
    p.card_line = photos;
    p.json_ld =
        vec![json!({ "@type": "ImageGallery", "name": title, "description": p.description })];
    p.main = html;
    p
}

pub fn home_page(ctx: &Ctx) -> Page {
    let stats = ctx.dataset.stats();
    let manifest = ctx.dataset.manifest.as_ref();
    let lead = crate::i18n::home_lead(&English, &stats);
    let figures = crate::i18n::stat_figures(&stats);
    let mut html = format!(
        "<section class=\"home\" data-page=\"home\"><h1>{}</h1><p class=\"lead\">{}</p>{}<h2>{}</h2><ul class=\"stats\">",
        text(&ctx.t_opt(manifest.and_then(|m| m.title.as_ref()))),
        text(&lead),
        ctx.rich(manifest.and_then(|m| m.description.as_ref())),
        text(ctx.tr(Msg::AtAGlance))
    );
    for (name, value, counted) in figures {
        let (value, label) = crate::i18n::figure(&English, counted, value);
        html.push_str(&format!(
            "<li data-stat=\"{name}\"><span class=\"stat-value\">{value}</span> <span class=\"stat-label\">{}</span></li>",
            text(&label)
        ));
    }
    html.push_str("</ul><ul class=\"explore\">");
    for (route, msg) in [
        (Route::Map, Msg::ExploreMap),
        (Route::Timeline, Msg::ExploreTimeline),
        (Route::Stories, Msg::ExploreStories),
        (Route::Galleries, Msg::ExploreGalleries),
    ] {
        html.push_str(&format!("<li>{}</li>", ctx.a(route, &text(ctx.tr(msg)))));
    }
    html.push_str("</ul>");
    let tallies = OutcomeTallies::of(&ctx.dataset.cases);
    if !tallies.is_empty() {
        html.push_str(&infographic(ctx, &tallies, "home-results"));
    }
    html.push_str("</section>");
    let mut p = page(Route::Home, PageKind::Website);
    p.title = ctx.site_title.clone();
    p.heading = ctx.site_title.clone();
    p.description = describe(
        ctx,
        manifest.and_then(|m| m.description.as_ref()),
        std::slice::from_ref(&lead),
    );
    p.card_line = lead;
    p.json_ld =
        vec![json!({ "@type": "WebSite", "name": ctx.site_title, "description": p.description })];
    p.main = html;
    p
}

/// `/map`: its heading, the map of the whole network as a picture
/// ([`overview_map`]), and the members by country as a list (the app's list
/// alternative of the map, in short). Whole without the app, which draws the
/// live map in its place at the reader's first input.
pub fn map_page(ctx: &Ctx) -> Page {
    let mut html = format!(
        "<section data-page=\"map\" class=\"map-page\"><h1>{}</h1>{}{}<h2>{}</h2><ul>",
        text(ctx.tr(Msg::NavMap)),
        ctx.view_actions(),
        overview_map(ctx),
        text(ctx.tr(Msg::CountriesWithMembers))
    );
    for code in ctx.dataset.member_countries() {
        let members: Vec<String> = ctx
            .dataset
            .members_in_country(code)
            .map(|m| ctx.a(Route::Member(&m.id), &text(&ctx.t(&m.name))))
            .collect();
        html.push_str(&format!(
            "<li>{}: {}</li>",
            ctx.a(Route::MapCountry(code), &text(&ctx.country(code))),
            members.join(", ")
        ));
    }
    html.push_str("</ul></section>");
    let mut p = page(Route::Map, PageKind::Website);
    p.title = ctx.title(ctx.tr(Msg::NavMap));
    p.heading = ctx.tr(Msg::MapLabel).to_owned();
    let stats = ctx.dataset.stats();
    p.description = crate::i18n::home_lead(&English, &stats);
    p.card_line = p.description.clone();
    p.main = html;
    p.app_draws = ctx.world.is_empty();
    p
}

/// The map of `/map` before the app: `map::overview` in the frame the live
/// map fills (`map::view::explorer`: the stage, the canvas, the help line
/// and the legend, with the same classes), so the live map takes its place
/// where it stands. Empty without the atlas.
fn overview_map(ctx: &Ctx) -> String {
    use crate::map::overview::{DOT_RADIUS, WIDTH as OVERVIEW_WIDTH, overview};
    use crate::map::{CLASSES, Filters, NEUTRAL, class_label, select};
    if ctx.world.is_empty() {
        return String::new();
    }
    let map = overview(ctx.world, &select(ctx.dataset, &Filters::default()));
    let mut svg = format!(
        "<svg class=\"map-overview\" viewBox=\"0 0 {OVERVIEW_WIDTH} {}\" role=\"img\" aria-label=\"{}\" aria-describedby=\"map-help\">",
        map.height,
        attr(ctx.tr(Msg::MapLabel))
    );
    for group in &map.groups {
        svg.push_str(&format!(
            "<path fill=\"{}\" stroke=\"{}\" d=\"{}\"></path>",
            group.fill,
            group.outline,
            attr(&group.path)
        ));
    }
    for dot in &map.dots {
        svg.push_str(&format!(
            "<circle fill=\"{}\" stroke=\"{}\" cx=\"{:.0}\" cy=\"{:.0}\" r=\"{DOT_RADIUS}\"></circle>",
            dot.fill, dot.outline, dot.x, dot.y
        ));
    }
    svg.push_str("</svg>");
    let swatch = |colour: &str, label: &str| {
        format!(
            "<li><span class=\"swatch\" aria-hidden=\"true\" style=\"background-color: {colour}\"></span>{}</li>",
            text(label)
        )
    };
    let mut legend = String::new();
    for (i, (_, colour)) in CLASSES.iter().enumerate() {
        legend.push_str(&swatch(colour, &class_label(i)));
    }
    legend.push_str(&swatch(NEUTRAL, ctx.tr(Msg::MapNoMembers)));
    format!(
        "<div class=\"map-layout\">{}<div class=\"map-stage\"><div class=\"map-canvas\">{svg}</div></div>\
         <figure class=\"map-legend\"><figcaption>{}</figcaption><ul>{legend}</ul></figure>\
         <p id=\"map-help\" class=\"map-help\">{} {}</p></div>",
        map_filters_placeholder(ctx),
        text(ctx.tr(Msg::MapLegend)),
        text(ctx.tr(Msg::MapHelp)),
        text(ctx.tr(Msg::MapCredit))
    )
}

/// The map's filters (`map::view::filters`) with the same labels and
/// choices, disabled until the app's own take their place (at the reader's
/// first input): they hold the room the app's need, so the map does not
/// move when it starts, and show what the page will offer.
fn map_filters_placeholder(ctx: &Ctx) -> String {
    use crate::i18n::case_status;
    use crate::map::{REGIONS, STATUSES, region_msg};
    let menu = |label: Msg, choices: Vec<String>| {
        let options: String = choices
            .iter()
            .map(|choice| format!("<option>{}</option>", text(choice)))
            .collect();
        format!(
            "<label><span>{}</span><select><option>{}</option>{options}</select></label>",
            text(ctx.tr(label)),
            text(ctx.tr(Msg::MapAll))
        )
    };
    let year = |label: Msg| {
        format!(
            "<label><span>{}</span><input type=\"number\"></label>",
            text(ctx.tr(label))
        )
    };
    let dataset = ctx.dataset;
    format!(
        "<fieldset class=\"map-filters\" disabled><legend>{}</legend>\
         {}{}{}{}{}{}<button type=\"button\" class=\"button\">{}</button></fieldset>",
        text(ctx.tr(Msg::MapFilters)),
        menu(
            Msg::Region,
            REGIONS
                .iter()
                .map(|r| ctx.tr(region_msg(*r)).to_owned())
                .collect()
        ),
        menu(
            Msg::MapAlliance,
            dataset
                .alliances
                .iter()
                .map(|a| ctx.t(a.menu_name()))
                .collect()
        ),
        menu(
            Msg::MapCampaign,
            dataset.campaigns.iter().map(|c| ctx.t(&c.name)).collect()
        ),
        menu(
            Msg::MapCaseStatus,
            STATUSES
                .iter()
                .map(|s| ctx.tr(case_status(*s)).to_owned())
                .collect()
        ),
        year(Msg::MapFromYear),
        year(Msg::MapToYear),
        text(ctx.tr(Msg::MapClearFilters))
    )
}

/// `/timeline`: its heading and every dated event in time order.
pub fn timeline_page(ctx: &Ctx) -> Page {
    let mut html = format!(
        "<section data-page=\"timeline\"><h1>{}</h1>{}<ol class=\"events\">",
        text(ctx.tr(Msg::NavTimeline)),
        ctx.view_actions()
    );
    let entries = crate::timeline::entries(ctx.dataset);
    for entry in &entries {
        let Some(found) = entry.of(ctx.dataset) else {
            continue;
        };
        let event = found.event;
        html.push_str(&format!(
            "<li class=\"event\" data-event-id=\"{}\"><p class=\"event-date\">{}</p><h3>{}</h3></li>",
            attr(&event.id),
            text(&event.date_label(ctx.lang.code())),
            ctx.a(Route::TimelineEvent(&event.id), &text(&ctx.t(&event.headline)))
        ));
    }
    html.push_str("</ol></section>");
    let mut p = page(Route::Timeline, PageKind::Website);
    p.title = ctx.title(ctx.tr(Msg::NavTimeline));
    p.heading = ctx.tr(Msg::NavTimeline).to_owned();
    p.description = format!(
        "{} · {}",
        ctx.tr(Msg::NavTimeline),
        count(&English, Counted::Outcomes, entries.len())
    );
    p.card_line = p.description.clone();
    p.main = html;
    p
}

/// `/stories`, `/galleries` and `/campaigns`: the cards of each.
pub fn index_pages(ctx: &Ctx) -> Vec<Page> {
    let mut pages = Vec::new();

    let mut html = format!(
        "<section data-page=\"stories\"><h1>{}</h1><ul class=\"cards\">",
        text(ctx.tr(Msg::NavStories))
    );
    for story in &ctx.dataset.stories {
        html.push_str(&format!(
            "<li class=\"card\" data-story-id=\"{}\">",
            attr(&story.id)
        ));
        if let Some(cover) = &story.cover {
            html.push_str(&media_view(ctx, cover));
        }
        html.push_str(&format!(
            "<div class=\"card-body\"><h2>{}</h2>{}<p class=\"muted\">{}</p></div></li>",
            ctx.a(Route::Story(&story.id), &text(&ctx.t(&story.title))),
            ctx.rich(story.summary.as_ref()),
            text(&count(&English, Counted::Slides, story.slides.len()))
        ));
    }
    html.push_str("</ul></section>");
    let mut p = page(Route::Stories, PageKind::Website);
    p.title = ctx.title(ctx.tr(Msg::NavStories));
    p.heading = ctx.tr(Msg::NavStories).to_owned();
    p.description = ctx
        .dataset
        .stories
        .iter()
        .map(|s| ctx.t(&s.title))
        .collect::<Vec<_>>()
        .join(" · ");
    p.main = html;
    pages.push(p);

    let mut html = format!(
        "<section data-page=\"galleries\"><h1>{}</h1><ul class=\"cards gallery-cards\">",
        text(ctx.tr(Msg::NavGalleries))
    );
    for gallery in &ctx.dataset.galleries {
        html.push_str(&format!(
            "<li class=\"card\" data-gallery-id=\"{}\">",
            attr(&gallery.id)
        ));
        if let Some(photo) = gallery.cover_photo() {
            html.push_str(&photo_image(ctx, photo, "(max-width: 40rem) 100vw, 20rem"));
        }
        html.push_str(&format!(
            "<div class=\"card-body\"><h2>{}</h2><p>{}</p></div></li>",
            ctx.a(Route::Gallery(&gallery.id), &text(&ctx.t(&gallery.title))),
            text(&count(&English, Counted::Photos, gallery.photos.len()))
        ));
    }
    html.push_str("</ul></section>");
    let mut p = page(Route::Galleries, PageKind::Website);
    p.title = ctx.title(ctx.tr(Msg::NavGalleries));
    p.heading = ctx.tr(Msg::NavGalleries).to_owned();
    p.description = ctx
        .dataset
        .galleries
        .iter()
        .map(|g| ctx.t(&g.title))
        .collect::<Vec<_>>()
        .join(" · ");
    p.main = html;
    pages.push(p);

    let mut html = format!(
        "<section data-page=\"campaigns\"><h1>{}</h1><ul class=\"cards\">",
        text(ctx.tr(Msg::Campaigns))
    );
    for c in &ctx.dataset.campaigns {
        html.push_str(&format!(
            "<li class=\"card\" data-campaign-id=\"{}\"><div class=\"card-body\"><h2>{}</h2>{}</div></li>",
            attr(&c.id),
            ctx.a(Route::Campaign(&c.id), &text(&ctx.t(&c.name))),
            c.period.map(|p| format!("<p>{}</p>", text(&p.label()))).unwrap_or_default()
        ));
    }
    html.push_str("</ul></section>");
    let mut p = page(Route::Campaigns, PageKind::Website);
    p.title = ctx.title(ctx.tr(Msg::Campaigns));
    p.heading = ctx.tr(Msg::Campaigns).to_owned();
    p.description = ctx
        .dataset
        .campaigns
        .iter()
        .map(|c| ctx.t(&c.name))
        .collect::<Vec<_>>()
        .join(" · ");
    p.main = html;
    pages.push(p);

    for p in &mut pages {
        p.card_line = p.description.clone();
    }
    pages
}
