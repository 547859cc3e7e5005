//! The records of the JSON format, version 1 (docs/data-format.md).
//!
//! Serialising writes the normalised form (None and empty fields omitted), and
//! parsing that again gives the same value.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::text::Text;
use crate::countries;

/// The only format this version reads.
pub const FORMAT: &str = "mapline/1";

fn is_false(value: &bool) -> bool {
    !*value
}

/// Where a record came from: its file and its path there (`members[3]`).
/// Filled in by the loader; not part of the format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub path: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Manifest {
    /// Must be `"mapline/1"`.
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Document files, relative to the manifest.
    pub files: Vec<String>,
    /// Map tiles from outside the deployment: off unless a dataset opts in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiles: Option<Tiles>,
    /// The network's own vector basemap (a PMTiles archive it hosts), drawn
    /// under every map where it has data; off when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basemap: Option<Basemap>,
}

/// A self-hosted vector basemap: one PMTiles archive, read by HTTP range
/// requests (docs/data-format.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Basemap {
    /// The archive: `https://…/world.pmtiles`, or relative to the manifest
    /// (`tiles/world.pmtiles`).
    pub pmtiles: String,
    /// The credit shown under the map (`© OpenStreetMap contributors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tiles {
    /// `https://…/{z}/{x}/{y}.png`
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text>,
}

/// A picture in Zoomify tiles (`TileGroup0/0-0-0.jpg` …) that a story's
/// slides are placed on; positions are StoryMapJS's (geo/zoomify.rs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImageMap {
    /// The folder holding the `TileGroup` folders.
    pub url: String,
    /// The full image's size in pixels.
    pub width: u32,
    pub height: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text>,
}

/// One JSON file holding any of the collections.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// `"mapline/1"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alliances: Vec<Alliance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<Campaign>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Story>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub galleries: Vec<Gallery>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timelines: Vec<Timeline>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Africa,
    Americas,
    AsiaPacific,
    EuropeCentralAsia,
    Mena,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Alliance {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

impl Alliance {
    /// The name a menu shows: the short one, else the full one.
    pub fn menu_name(&self) -> &Text {
        self.short_name.as_ref().unwrap_or(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
    /// Set by the loader when the point is the country's centroid, not given.
    #[serde(skip)]
    pub from_country: bool,
}

impl Coordinates {
    /// Given coordinates are written back; a country fallback is not.
    fn is_absent_or_fallback(coordinates: &Option<Coordinates>) -> bool {
        coordinates.as_ref().is_none_or(|c| c.from_country)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Member {
    pub id: String,
    pub name: Text,
    /// ISO 3166-1 alpha-2, uppercase.
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Text>,
    /// The country's centroid when absent (then `from_country` is set).
    #[serde(default, skip_serializing_if = "Coordinates::is_absent_or_fallback")]
    pub coordinates: Option<Coordinates>,
    pub region: Region,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alliances: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Media>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

impl Member {
    /// (lat, lon): given, or the country's centroid.
    pub fn position(&self) -> Option<(f64, f64)> {
        match &self.coordinates {
            Some(c) => Some((c.lat, c.lon)),
            None => country_position(&self.country),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CaseStatus {
    Open,
    PartlyResolved,
    Resolved,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Case {
    pub id: String,
    pub person: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profession: Option<Text>,
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    pub status: CaseStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Media>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gallery: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

impl Case {
    /// (lat, lon): the place, else the country's centroid.
    pub fn position(&self) -> Option<(f64, f64)> {
        self.place
            .as_ref()
            .and_then(Place::position)
            .or_else(|| country_position(&self.country))
    }
}

/// What happened in a case (or a campaign's result). Unknown kinds read as
/// `Other` (the loader warns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeKind {
    Attack,
    Threat,
    Arrest,
    Detention,
    Charge,
    Trial,
    Sentence,
    Appeal,
    Release,
    Acquittal,
    SuspectsArrested,
    PerpetratorsConvicted,
    SentenceLifted,
    CampaignAction,
    GovernmentResponse,
    UnResponse,
    #[serde(other)]
    Other,
}

impl OutcomeKind {
    pub const NAMES: [&'static str; 17] = [
        "attack",
        "threat",
        "arrest",
        "detention",
        "charge",
        "trial",
        "sentence",
        "appeal",
        "release",
        "acquittal",
        "suspects-arrested",
        "perpetrators-convicted",
        "sentence-lifted",
        "campaign-action",
        "government-response",
        "un-response",
        "other",
    ];

    pub fn is_known_name(name: &str) -> bool {
        OutcomeKind::NAMES.contains(&name)
    }

    /// The kind of a data name (`suspects-arrested`); unknown names are `Other`.
    pub fn from_name(name: &str) -> OutcomeKind {
        serde_json::from_value(serde_json::Value::String(name.to_owned()))
            .unwrap_or(OutcomeKind::Other)
    }
}

/// A case outcome, a campaign milestone or a timeline event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    pub id: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// Shown instead of the computed label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_date: Option<Text>,
    /// Required for case outcomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OutcomeKind>,
    pub headline: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// Timeline group label (imported timelines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<Background>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
}

impl Event {
    /// Start and exclusive end in days since 1970-01-01, `end_date` included.
    pub fn span_days(&self) -> (f64, f64) {
        let end = self.end_date.as_ref().unwrap_or(&self.date);
        (self.date.start_days(), end.end_days())
    }

    /// `display_date` when given, else the date's label (with `end_date`).
    pub fn date_label(&self, lang: &str) -> String {
        if let Some(display) = &self.display_date {
            return display.resolve(lang).to_string();
        }
        self.date_label_in(&crate::i18n::English)
    }

    /// `display_date` in the locale's language when given, else the date's
    /// label (with `end_date`) written the locale's way.
    pub fn date_label_in(&self, locale: &dyn crate::i18n::Locale) -> String {
        if let Some(display) = &self.display_date {
            return display.resolve(locale.lang().code()).to_string();
        }
        match &self.end_date {
            Some(end) => {
                let (start, end) = (self.date.label_in(locale), end.label_in(locale));
                if start.contains(' ') || end.contains(' ') {
                    format!("{start} – {end}")
                } else {
                    format!("{start}–{end}")
                }
            }
            None => self.date.label_in(locale),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Campaign {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub featured_cases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<CampaignResult>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// What a campaign achieved for one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CampaignResult {
    pub case: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OutcomeKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum StoryLayout {
    #[default]
    Slides,
    Scroll,
}

impl StoryLayout {
    fn is_default(&self) -> bool {
        *self == StoryLayout::default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Story {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Media>,
    #[serde(default, skip_serializing_if = "StoryLayout::is_default")]
    pub layout: StoryLayout,
    /// Draw the line joining the slides' places.
    #[serde(default, skip_serializing_if = "is_false")]
    pub line: bool,
    /// Map tiles from outside the deployment for this story's map (a
    /// StoryMapJS `map_type`): off until the reader ticks the box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiles: Option<Tiles>,
    /// A picture the slides are placed on instead of the world (a StoryMapJS
    /// `zoomify` map), from outside: loaded once the reader agrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageMap>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slides: Vec<Slide>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SlideType {
    /// Shows every place of the story.
    Overview,
    #[default]
    Slide,
}

impl SlideType {
    fn is_default(&self) -> bool {
        *self == SlideType::default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Slide {
    pub id: String,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "SlideType::is_default"
    )]
    pub slide_type: SlideType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<Background>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Gallery {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// A photo id of this gallery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

impl Gallery {
    pub fn photo(&self, id: &str) -> Option<&Photo> {
        self.photos.iter().find(|p| p.id == id)
    }

    /// The cover photo, else the first.
    pub fn cover_photo(&self) -> Option<&Photo> {
        self.cover
            .as_deref()
            .and_then(|id| self.photo(id))
            .or_else(|| self.photos.first())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Photo {
    pub id: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Required (a problem when missing, but the photo is kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Feeds `srcset`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sizes: Vec<PhotoSize>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhotoSize {
    pub url: String,
    pub width: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TimelineScale {
    #[default]
    Human,
    Cosmological,
}

impl TimelineScale {
    fn is_default(&self) -> bool {
        *self == TimelineScale::default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timeline {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era>,
    #[serde(default, skip_serializing_if = "TimelineScale::is_default")]
    pub scale: TimelineScale,
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// A named span drawn behind a timeline's events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Era {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    pub headline: Text,
}

/// A point on the map: `lat`+`lon`, or a `country` (its centroid).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// 0…18.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoom: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl Place {
    /// (lat, lon): given, else the country's centroid.
    pub fn position(&self) -> Option<(f64, f64)> {
        match (self.lat, self.lon) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            _ => self.country.as_deref().and_then(country_position),
        }
    }
}

fn country_position(code: &str) -> Option<(f64, f64)> {
    countries::by_code(code).map(|c| (c.lat, c.lon))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Image,
    Audio,
    Video,
    Link,
}

impl MediaKind {
    /// YouTube/Vimeo and video files → video, sound files → audio, image
    /// files → image, anything else → link.
    pub fn infer(url: &str) -> MediaKind {
        let lower = url.to_ascii_lowercase();
        let without_suffix = lower.split(['?', '#']).next().unwrap_or("");
        let host = without_suffix
            .split_once("://")
            .map(|(_, rest)| rest.split('/').next().unwrap_or(""))
            .unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        if [
            "youtube.com",
            "m.youtube.com",
            "youtu.be",
            "youtube-nocookie.com",
            "vimeo.com",
            "player.vimeo.com",
        ]
        .contains(&host)
        {
            return MediaKind::Video;
        }
        let file = without_suffix.rsplit('/').next().unwrap_or("");
        let extension = file.rsplit_once('.').map(|(_, ext)| ext).unwrap_or("");
        match extension {
            "mp3" | "ogg" | "oga" | "opus" | "m4a" | "wav" | "flac" => MediaKind::Audio,
            "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "svg" => MediaKind::Image,
            "mp4" | "webm" | "ogv" | "mov" => MediaKind::Video,
            _ => MediaKind::Link,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Media {
    pub url: String,
    /// Inferred from the URL when absent: use [`Media::resolved_kind`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MediaKind>,
    /// Required for images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Media {
    pub fn resolved_kind(&self) -> MediaKind {
        self.kind.unwrap_or_else(|| MediaKind::infer(&self.url))
    }
}

/// A link backing a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Background {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_kind_inference() {
        assert_eq!(
            MediaKind::infer("https://www.youtube.com/watch?v=x"),
            MediaKind::Video
        );
        assert_eq!(MediaKind::infer("https://youtu.be/x"), MediaKind::Video);
        assert_eq!(MediaKind::infer("https://vimeo.com/123"), MediaKind::Video);
        assert_eq!(MediaKind::infer("audio/interview.MP3"), MediaKind::Audio);
        assert_eq!(MediaKind::infer("a.ogg?x=1"), MediaKind::Audio);
        assert_eq!(MediaKind::infer("a.m4a"), MediaKind::Audio);
        assert_eq!(MediaKind::infer("images/khalip.jpg"), MediaKind::Image);
        assert_eq!(MediaKind::infer("https://x.org/p.webp#f"), MediaKind::Image);
        assert_eq!(MediaKind::infer("https://ifex.org/report"), MediaKind::Link);
        assert_eq!(
            MediaKind::infer("https://example.jpg/page"),
            MediaKind::Link
        );
        let media = Media {
            url: "a.png".into(),
            kind: Some(MediaKind::Link),
            alt: None,
            caption: None,
            credit: None,
            width: None,
            height: None,
            thumbnail: None,
            title: None,
            link: None,
        };
        assert_eq!(
            media.resolved_kind(),
            MediaKind::Link,
            "an explicit kind wins"
        );
    }

    #[test]
    fn kinds_come_back_from_their_names() {
        for name in OutcomeKind::NAMES {
            let kind = OutcomeKind::from_name(name);
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(serde_json::Value::from(name))
            );
        }
        assert_eq!(OutcomeKind::from_name("kidnapping"), OutcomeKind::Other);
    }

    #[test]
    fn unknown_outcome_kind_reads_as_other() {
        let kind: Result<OutcomeKind, _> = serde_json::from_str("\"kidnapping\"");
        assert_eq!(kind.ok(), Some(OutcomeKind::Other));
        let kind: Result<OutcomeKind, _> = serde_json::from_str("\"un-response\"");
        assert_eq!(kind.ok(), Some(OutcomeKind::UnResponse));
        assert!(OutcomeKind::is_known_name("suspects-arrested"));
        assert!(!OutcomeKind::is_known_name("kidnapping"));
        for name in OutcomeKind::NAMES {
            let kind: Result<OutcomeKind, _> = serde_json::from_value(serde_json::json!(name));
            let written = kind.ok().and_then(|k| serde_json::to_value(k).ok());
            assert_eq!(
                written,
                Some(serde_json::json!(name)),
                "NAMES matches the serde names"
            );
        }
    }

    #[test]
    fn place_position_falls_back_to_country() {
        let given = Place {
            lat: Some(53.9),
            lon: Some(27.57),
            ..Place::default()
        };
        assert_eq!(given.position(), Some((53.9, 27.57)));
        let by_country = Place {
            country: Some("BY".into()),
            ..Place::default()
        };
        let belarus = countries::by_code("BY").map(|c| (c.lat, c.lon));
        assert!(belarus.is_some());
        assert_eq!(by_country.position(), belarus);
        assert_eq!(Place::default().position(), None);
    }
}
