//! Semantic checks. Per record (`check_*`, run by the loader as each record is
//! read: fields, ranges, URLs, which are resolved against the file here) and
//! across the merged dataset (`check_dataset`: duplicate ids, references).
//! Records stay loaded whatever these find; an unsafe URL is removed.

use std::collections::HashMap;

use super::dataset::Dataset;
use super::date::Date;
use super::markdown;
use super::problem::Problem;
use super::text::Text;
use super::types::{
    Alliance, Background, Basemap, Campaign, Case, Coordinates, Era, Event, FORMAT, Gallery,
    Manifest, Media, MediaKind, Member, Origin, Place, Source, Story, Tiles, Timeline,
};
use super::url::{is_safe_url, resolve};
use crate::countries;

/// Collects the problems of one file; `base` is the name URLs resolve against.
pub struct Checker<'a> {
    pub file: &'a str,
    pub problems: &'a mut Vec<Problem>,
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

impl Checker<'_> {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::error(self.file, path, message));
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::warning(self.file, path, message));
    }

    // Paths are written out only for a problem: these checks run for each of
    // 10,000 events, and most find nothing.

    /// Ids appear in URLs: `a-z 0-9 - _`, not empty.
    fn id(&mut self, path: &str, id: &str) {
        if id.is_empty() {
            self.error(&join(path, "id"), "empty id");
        } else if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            self.error(
                &join(path, "id"),
                format!("id {id:?} may only use a-z, 0-9, - and _"),
            );
        }
    }

    fn required_text(&mut self, path: &str, field: &str, text: &Text) {
        if text.is_blank() {
            self.error(&join(path, field), format!("{field} is empty"));
        }
        self.field_languages(path, field, text);
    }

    fn optional_text(&mut self, path: &str, field: &str, text: Option<&Text>) {
        if let Some(text) = text {
            self.field_languages(path, field, text);
        }
    }

    /// A Markdown field: also warns about links that will show as plain text.
    fn markdown(&mut self, path: &str, field: &str, text: Option<&Text>) {
        let Some(text) = text else { return };
        self.field_languages(path, field, text);
        for variant in text.variants() {
            for refused in markdown::unsafe_links(variant) {
                self.warning(
                    &join(path, field),
                    format!("link to {refused:?} is not http(s) or relative; shown as plain text"),
                );
            }
        }
    }

    /// The language codes of a text field (a plain string has none to check).
    fn field_languages(&mut self, path: &str, field: &str, text: &Text) {
        if matches!(text, Text::Translated(_)) {
            self.languages(&join(path, field), text);
        }
    }

    fn languages(&mut self, path: &str, text: &Text) {
        for code in text.languages() {
            let mut subtags = code.split('-');
            let primary_ok = subtags.next().is_some_and(|p| {
                (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())
            });
            let rest_ok = subtags.all(|s| {
                !s.is_empty() && s.len() <= 8 && s.bytes().all(|b| b.is_ascii_alphanumeric())
            });
            if !(primary_ok && rest_ok) {
                self.warning(
                    path,
                    format!("{code:?} is not a language code like \"en\" or \"pt-BR\""),
                );
            }
        }
    }

    fn country(&mut self, path: &str, code: &str) {
        if countries::by_code(code).is_none() {
            let hint = if countries::by_code(&code.to_ascii_uppercase()).is_some() {
                " (codes are uppercase)"
            } else {
                ""
            };
            self.error(path, format!("unknown country code {code:?}{hint}"));
        }
    }

    /// Checks a URL and resolves it against the file; `false` if it must go.
    fn url(&mut self, path: &str, url: &mut String) -> bool {
        if is_safe_url(url) {
            *url = resolve(self.file, url);
            true
        } else {
            self.error(
                path,
                format!(
                    "unsafe URL {url:?}: only http, https or relative URLs are allowed; removed"
                ),
            );
            false
        }
    }

    fn optional_url(&mut self, path: &str, field: &str, url: &mut Option<String>) {
        if let Some(value) = url
            && !self.url(&join(path, field), value)
        {
            *url = None;
        }
    }

    /// True when `lat` is a latitude; otherwise a problem. NaN and infinities
    /// (possible from imported text such as `"NaN"`) are outside every range.
    fn latitude(&mut self, path: &str, lat: f64) -> bool {
        let ok = (-90.0..=90.0).contains(&lat);
        if !ok {
            self.error(
                path,
                format!("latitude {lat} is outside -90…90; left off the map"),
            );
        }
        ok
    }

    fn longitude(&mut self, path: &str, lon: f64) -> bool {
        let ok = (-180.0..=180.0).contains(&lon);
        if !ok {
            self.error(
                path,
                format!("longitude {lon} is outside -180…180; left off the map"),
            );
        }
        ok
    }

    /// True when both are in range (both are checked, to report both).
    fn coordinates(&mut self, path: &str, coordinates: &Coordinates) -> bool {
        let lat = self.latitude(&join(path, "lat"), coordinates.lat);
        let lon = self.longitude(&join(path, "lon"), coordinates.lon);
        lat && lon
    }

    /// Checks a place and takes out what no map can show: a position out of
    /// range (both coordinates go, so the country's centre can stand in) and
    /// a zoom out of range. Nothing out of range ever reaches a map.
    fn place(&mut self, path: &str, place: &mut Place) {
        let lat_ok = place
            .lat
            .is_none_or(|lat| self.latitude(&join(path, "lat"), lat));
        let lon_ok = place
            .lon
            .is_none_or(|lon| self.longitude(&join(path, "lon"), lon));
        if !(lat_ok && lon_ok) {
            place.lat = None;
            place.lon = None;
        }
        if let Some(zoom) = place.zoom
            && !(0.0..=18.0).contains(&zoom)
        {
            self.error(
                &join(path, "zoom"),
                format!("zoom {zoom} is outside 0…18; the map fits the place instead"),
            );
            place.zoom = None;
        }
        if let Some(code) = &place.country {
            self.country(&join(path, "country"), code);
        }
        match (place.lat, place.lon, &place.country) {
            (Some(_), Some(_), _) | (None, None, Some(_)) => {}
            (Some(_), None, _) | (None, Some(_), _) => {
                self.error(path, "a place needs both lat and lon")
            }
            // Out-of-range coordinates were reported above.
            (None, None, None) if !(lat_ok && lon_ok) => {}
            (None, None, None) => self.error(path, "a place needs lat and lon, or country"),
        }
        self.optional_text(path, "name", place.name.as_ref());
    }

    /// Checks a record's place; one left with no position at all (no
    /// coordinates in range, no known country: each reported) is taken off.
    fn optional_place(&mut self, path: &str, place: &mut Option<Place>) {
        if let Some(inner) = place {
            self.place(&join(path, "place"), inner);
            if inner.lat.is_none() && inner.lon.is_none() && inner.position().is_none() {
                *place = None;
            }
        }
    }

    /// `date` alone (an interval must run forwards) or with `end_date`.
    fn dates(&mut self, path: &str, date: &Date, end_date: Option<&Date>) {
        if date.is_reversed() {
            self.error(
                &join(path, "date"),
                format!("interval {date} ends before it starts"),
            );
        }
        if let Some(end) = end_date {
            if end.is_reversed() {
                self.error(
                    &join(path, "end_date"),
                    format!("interval {end} ends before it starts"),
                );
            }
            if end.end_days() <= date.start_days() {
                self.error(
                    &join(path, "end_date"),
                    format!("end date {end} is before the date {date}"),
                );
            }
        }
    }

    fn single_date(&mut self, path: &str, field: &str, date: Option<&Date>) {
        if let Some(date) = date {
            self.dates(&join(path, field), date, None);
        }
    }

    fn media(&mut self, path: &str, field: &str, media: &mut Option<Media>) {
        let Some(value) = media else { return };
        let path = join(path, field);
        if !self.url(&join(&path, "url"), &mut value.url) {
            *media = None;
            return;
        }
        self.optional_url(&path, "thumbnail", &mut value.thumbnail);
        self.optional_url(&path, "link", &mut value.link);
        if value.resolved_kind() == MediaKind::Image
            && value.alt.as_ref().is_none_or(Text::is_blank)
        {
            self.error(&join(&path, "alt"), "an image needs alt text");
        }
        self.optional_text(&path, "alt", value.alt.as_ref());
        self.optional_text(&path, "caption", value.caption.as_ref());
        self.optional_text(&path, "credit", value.credit.as_ref());
        self.optional_text(&path, "title", value.title.as_ref());
    }

    fn sources(&mut self, path: &str, sources: &mut Vec<Source>) {
        let mut keep = Vec::with_capacity(sources.len());
        for (i, source) in sources.iter_mut().enumerate() {
            let path = format!("{}[{i}]", join(path, "sources"));
            keep.push(self.url(&join(&path, "url"), &mut source.url));
            self.optional_text(&path, "title", source.title.as_ref());
        }
        let mut flags = keep.into_iter();
        sources.retain(|_| flags.next().unwrap_or(true));
    }

    fn background(&mut self, path: &str, background: &mut Option<Background>) {
        let Some(value) = background else { return };
        let path = join(path, "background");
        self.optional_url(&path, "url", &mut value.url);
        if let Some(color) = &value.color {
            let hex = color.strip_prefix('#').unwrap_or("");
            if !(color.starts_with('#')
                && hex.len() == 6
                && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            {
                self.error(
                    &join(&path, "color"),
                    format!("colour {color:?} is not #rrggbb"),
                );
            }
        }
    }

    /// An event; `outcome` when it is a case outcome (then `kind` is required).
    fn event(&mut self, path: &str, event: &mut Event, outcome: bool) {
        self.id(path, &event.id);
        self.dates(path, &event.date, event.end_date.as_ref());
        if outcome && event.kind.is_none() {
            self.error(&join(path, "kind"), "an outcome needs a kind");
        }
        self.required_text(path, "headline", &event.headline);
        self.markdown(path, "text", event.text.as_ref());
        self.optional_text(path, "display_date", event.display_date.as_ref());
        self.optional_text(path, "group", event.group.as_ref());
        self.optional_place(path, &mut event.place);
        self.media(path, "media", &mut event.media);
        self.sources(path, &mut event.sources);
        self.background(path, &mut event.background);
    }

    fn events(&mut self, path: &str, field: &str, events: &mut [Event], outcomes: bool) {
        let list = join(path, field);
        for (i, event) in events.iter_mut().enumerate() {
            self.event(&format!("{list}[{i}]"), event, outcomes);
        }
    }

    /// Ids that must be unique within one record (slides, photos).
    fn unique_within(&mut self, path: &str, field: &str, ids: impl Iterator<Item = String>) {
        let mut seen = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.insert(id.clone(), i) {
                let path = format!("{}[{i}].id", join(path, field));
                self.error(
                    &path,
                    format!("duplicate id {id:?} (first at {field}[{first}])"),
                );
            }
        }
    }
}

pub fn check_manifest(checker: &mut Checker<'_>, manifest: &mut Manifest) {
    if manifest.format != FORMAT {
        checker.error(
            "format",
            format!("format {:?} is not {FORMAT:?}", manifest.format),
        );
    }
    if manifest.files.is_empty() {
        checker.warning("files", "the manifest names no files");
    }
    for (i, file) in manifest.files.iter().enumerate() {
        if !is_safe_url(file) {
            checker.error(&format!("files[{i}]"), format!("unsafe URL {file:?}"));
        }
    }
    checker.optional_text("", "title", manifest.title.as_ref());
    checker.markdown("", "description", manifest.description.as_ref());
    check_tiles(checker, "", &mut manifest.tiles);
    check_basemap(checker, &mut manifest.basemap);
}

/// The network's vector basemap: an unsafe URL drops it (the maps keep the
/// bundled one).
fn check_basemap(checker: &mut Checker<'_>, basemap: &mut Option<Basemap>) {
    if let Some(b) = basemap {
        let ok = checker.url("basemap.pmtiles", &mut b.pmtiles);
        checker.optional_text("basemap", "attribution", b.attribution.as_ref());
        if !ok {
            *basemap = None;
        }
    }
}

/// Outside tiles (a manifest's or a story's): an unsafe URL drops them.
fn check_tiles(checker: &mut Checker<'_>, path: &str, tiles: &mut Option<Tiles>) {
    if let Some(t) = tiles {
        let ok = checker.url(&join(path, "tiles.url"), &mut t.url);
        checker.optional_text(&join(path, "tiles"), "attribution", t.attribution.as_ref());
        if !ok {
            *tiles = None;
        }
    }
}

pub fn check_alliance(checker: &mut Checker<'_>, path: &str, alliance: &mut Alliance) {
    checker.id(path, &alliance.id);
    checker.required_text(path, "name", &alliance.name);
    checker.optional_text(path, "short_name", alliance.short_name.as_ref());
    checker.single_date(path, "founded", alliance.founded.as_ref());
    checker.optional_url(path, "website", &mut alliance.website);
    checker.markdown(path, "description", alliance.description.as_ref());
}

pub fn check_member(checker: &mut Checker<'_>, path: &str, member: &mut Member) {
    checker.id(path, &member.id);
    checker.required_text(path, "name", &member.name);
    checker.country(&join(path, "country"), &member.country);
    checker.optional_text(path, "city", member.city.as_ref());
    if member
        .coordinates
        .as_ref()
        .is_some_and(|c| !checker.coordinates(&join(path, "coordinates"), c))
    {
        member.coordinates = None;
    }
    match &member.coordinates {
        Some(_) => {}
        None => {
            member.coordinates = countries::by_code(&member.country).map(|country| Coordinates {
                lat: country.lat,
                lon: country.lon,
                from_country: true,
            });
        }
    }
    checker.optional_url(path, "website", &mut member.website);
    checker.markdown(path, "description", member.description.as_ref());
    checker.media(path, "logo", &mut member.logo);
}

pub fn check_case(checker: &mut Checker<'_>, path: &str, case: &mut Case) {
    checker.id(path, &case.id);
    checker.required_text(path, "person", &case.person);
    checker.optional_text(path, "profession", case.profession.as_ref());
    checker.country(&join(path, "country"), &case.country);
    checker.markdown(path, "summary", case.summary.as_ref());
    checker.optional_place(path, &mut case.place);
    checker.media(path, "photo", &mut case.photo);
    checker.events(path, "outcomes", &mut case.outcomes, true);
    checker.sources(path, &mut case.sources);
}

pub fn check_campaign(checker: &mut Checker<'_>, path: &str, campaign: &mut Campaign) {
    checker.id(path, &campaign.id);
    checker.required_text(path, "name", &campaign.name);
    checker.single_date(path, "period", campaign.period.as_ref());
    checker.markdown(path, "description", campaign.description.as_ref());
    checker.media(path, "media", &mut campaign.media);
    for (i, result) in campaign.results.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "results"));
        if result.kind.is_none() {
            checker.warning(
                &join(&path, "kind"),
                "a result without a kind is shown as \"other\"",
            );
        }
        checker.markdown(&path, "text", result.text.as_ref());
    }
    checker.events(path, "milestones", &mut campaign.milestones, false);
    checker.sources(path, &mut campaign.sources);
}

pub fn check_story(checker: &mut Checker<'_>, path: &str, story: &mut Story) {
    checker.id(path, &story.id);
    checker.required_text(path, "title", &story.title);
    checker.markdown(path, "summary", story.summary.as_ref());
    checker.media(path, "cover", &mut story.cover);
    check_tiles(checker, path, &mut story.tiles);
    if let Some(image) = &mut story.image {
        let ok = checker.url(&join(path, "image.url"), &mut image.url);
        checker.optional_text(
            &join(path, "image"),
            "attribution",
            image.attribution.as_ref(),
        );
        if !ok {
            story.image = None;
        }
    }
    if story.slides.is_empty() {
        checker.error(&join(path, "slides"), "a story needs at least one slide");
    }
    for (i, slide) in story.slides.iter_mut().enumerate() {
        let path = format!("{}[{i}]", join(path, "slides"));
        checker.id(&path, &slide.id);
        checker.optional_text(&path, "headline", slide.headline.as_ref());
        checker.markdown(&path, "text", slide.text.as_ref());
        checker.single_date(&path, "date", slide.date.as_ref());
        checker.optional_place(&path, &mut slide.place);
        checker.media(&path, "media", &mut slide.media);
        checker.background(&path, &mut slide.background);
    }
    checker.unique_within(path, "slides", story.slides.iter().map(|s| s.id.clone()));
}

pub fn check_gallery(checker: &mut Checker<'_>, path: &str, gallery: &mut Gallery) {
    checker.id(path, &gallery.id);
    checker.required_text(path, "title", &gallery.title);
    checker.markdown(path, "description", gallery.description.as_ref());
    let mut keep = Vec::with_capacity(gallery.photos.len());
    for (i, photo) in gallery.photos.iter_mut().enumerate() {
        let path = format!("{}[{i}]", join(path, "photos"));
        checker.id(&path, &photo.id);
        keep.push(checker.url(&join(&path, "url"), &mut photo.url));
        if photo.alt.as_ref().is_none_or(Text::is_blank) {
            checker.error(&join(&path, "alt"), "a photo needs alt text");
        }
        checker.optional_text(&path, "alt", photo.alt.as_ref());
        checker.optional_text(&path, "caption", photo.caption.as_ref());
        checker.optional_text(&path, "credit", photo.credit.as_ref());
        checker.single_date(&path, "date", photo.date.as_ref());
        checker.optional_place(&path, &mut photo.place);
        let mut keep_sizes = Vec::with_capacity(photo.sizes.len());
        for (j, size) in photo.sizes.iter_mut().enumerate() {
            keep_sizes.push(checker.url(&format!("{path}.sizes[{j}].url"), &mut size.url));
        }
        let mut flags = keep_sizes.into_iter();
        photo.sizes.retain(|_| flags.next().unwrap_or(true));
    }
    checker.unique_within(path, "photos", gallery.photos.iter().map(|p| p.id.clone()));
    if let Some(cover) = &gallery.cover
        && gallery.photo(cover).is_none()
    {
        checker.error(
            &join(path, "cover"),
            format!("no photo {cover:?} in this gallery"),
        );
    }
    let mut flags = keep.into_iter();
    gallery.photos.retain(|_| flags.next().unwrap_or(true));
}

pub fn check_timeline(checker: &mut Checker<'_>, path: &str, timeline: &mut Timeline) {
    checker.id(path, &timeline.id);
    checker.required_text(path, "title", &timeline.title);
    checker.markdown(path, "text", timeline.text.as_ref());
    checker.media(path, "media", &mut timeline.media);
    checker.events(path, "events", &mut timeline.events, false);
    for (i, era) in timeline.eras.iter().enumerate() {
        check_era(checker, &format!("{}[{i}]", join(path, "eras")), era);
    }
}

fn check_era(checker: &mut Checker<'_>, path: &str, era: &Era) {
    checker.dates(path, &era.date, era.end_date.as_ref());
    checker.required_text(path, "headline", &era.headline);
}

/// Problems across records: duplicate ids and references to nothing.
pub fn check_dataset(dataset: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut duplicates = |kind: &str, records: Vec<(&str, &Origin, String)>| {
        let mut seen: HashMap<&str, &Origin> = HashMap::new();
        for (id, origin, path) in records {
            match seen.get(id) {
                Some(first) => problems.push(Problem::error(
                    &origin.file,
                    path,
                    format!(
                        "duplicate {kind} id {id:?} (first in {} at {})",
                        first.file, first.path
                    ),
                )),
                None => {
                    seen.insert(id, origin);
                }
            }
        }
    };
    fn ids<'a, T>(
        records: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
        origin: impl Fn(&'a T) -> &'a Origin,
    ) -> Vec<(&'a str, &'a Origin, String)> {
        records
            .iter()
            .map(|r| (id(r), origin(r), join(&origin(r).path, "id")))
            .collect()
    }
    duplicates(
        "alliance",
        ids(&dataset.alliances, |r| &r.id, |r| &r.origin),
    );
    duplicates("member", ids(&dataset.members, |r| &r.id, |r| &r.origin));
    duplicates("case", ids(&dataset.cases, |r| &r.id, |r| &r.origin));
    duplicates(
        "campaign",
        ids(&dataset.campaigns, |r| &r.id, |r| &r.origin),
    );
    duplicates("story", ids(&dataset.stories, |r| &r.id, |r| &r.origin));
    duplicates("gallery", ids(&dataset.galleries, |r| &r.id, |r| &r.origin));
    duplicates(
        "timeline",
        ids(&dataset.timelines, |r| &r.id, |r| &r.origin),
    );

    let event_lists = dataset
        .cases
        .iter()
        .map(|c| (&c.origin, "outcomes", c.outcomes.as_slice()))
        .chain(
            dataset
                .campaigns
                .iter()
                .map(|c| (&c.origin, "milestones", c.milestones.as_slice())),
        )
        .chain(
            dataset
                .timelines
                .iter()
                .map(|t| (&t.origin, "events", t.events.as_slice())),
        );
    let mut events = Vec::new();
    for (origin, field, list) in event_lists {
        for (i, event) in list.iter().enumerate() {
            events.push((
                event.id.as_str(),
                origin,
                format!("{}.{field}[{i}].id", origin.path),
            ));
        }
    }
    duplicates("event", events);

    let mut dangling = |origin: &Origin, field: String, kind: &str, id: &str, exists: bool| {
        if !exists {
            problems.push(Problem::error(
                &origin.file,
                join(&origin.path, &field),
                format!("no {kind} with id {id:?}"),
            ));
        }
    };
    for member in &dataset.members {
        for (i, id) in member.alliances.iter().enumerate() {
            dangling(
                &member.origin,
                format!("alliances[{i}]"),
                "alliance",
                id,
                dataset.alliance(id).is_some(),
            );
        }
    }
    for case in &dataset.cases {
        for (i, id) in case.campaigns.iter().enumerate() {
            dangling(
                &case.origin,
                format!("campaigns[{i}]"),
                "campaign",
                id,
                dataset.campaign(id).is_some(),
            );
        }
        for (i, id) in case.members.iter().enumerate() {
            dangling(
                &case.origin,
                format!("members[{i}]"),
                "member",
                id,
                dataset.member(id).is_some(),
            );
        }
        if let Some(id) = &case.gallery {
            dangling(
                &case.origin,
                "gallery".into(),
                "gallery",
                id,
                dataset.gallery(id).is_some(),
            );
        }
    }
    for campaign in &dataset.campaigns {
        for (i, id) in campaign.featured_cases.iter().enumerate() {
            dangling(
                &campaign.origin,
                format!("featured_cases[{i}]"),
                "case",
                id,
                dataset.case(id).is_some(),
            );
        }
        for (i, result) in campaign.results.iter().enumerate() {
            let id = &result.case;
            dangling(
                &campaign.origin,
                format!("results[{i}].case"),
                "case",
                id,
                dataset.case(id).is_some(),
            );
        }
    }
    problems
}
