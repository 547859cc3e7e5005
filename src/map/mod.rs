//! The map of the network: which countries have members, and how many.
//! Pure logic here (tested natively): summaries, filters, the colour scale and
//! the view's URL state; the locator maps' geometry in `locator.rs`. TopoJSON
//! decoding and clustering are the pure `crate::geo`, the Leaflet boundary
//! `ui::leaflet` (stories draw on it too); the views are `view/`.

pub mod locator;
pub mod overview;
pub mod path;

#[cfg(target_arch = "wasm32")]
pub mod basemap_layer;
#[cfg(target_arch = "wasm32")]
pub mod locator_view;
#[cfg(target_arch = "wasm32")]
pub mod view;

use std::collections::{BTreeMap, BTreeSet};

use crate::countries;
use crate::i18n::{Locale, Msg};
use crate::model::{Case, CaseStatus, Dataset, Date, Member, Region};

/// One country of the network with its counts.
#[derive(Clone, Debug, PartialEq)]
pub struct CountrySummary {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Natural Earth's English name, or the code for an unknown country.
    pub name: String,
    pub members: usize,
    pub cases: usize,
}

/// Every country with at least one member, with member and case counts, sorted
/// by name.
pub fn countries_with_members(dataset: &Dataset) -> Vec<CountrySummary> {
    summarise(dataset.members.iter(), dataset.cases.iter())
}

fn summarise<'a>(
    members: impl Iterator<Item = &'a Member>,
    cases: impl Iterator<Item = &'a Case>,
) -> Vec<CountrySummary> {
    let mut by_code: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for member in members {
        by_code.entry(member.country.as_str()).or_default().0 += 1;
    }
    for case in cases {
        if let Some(counts) = by_code.get_mut(case.country.as_str()) {
            counts.1 += 1;
        }
    }
    let mut summaries: Vec<CountrySummary> = by_code
        .into_iter()
        .map(|(code, (members, cases))| CountrySummary {
            code: code.to_owned(),
            name: countries::by_code(code).map_or_else(|| code.to_owned(), |c| c.name.to_owned()),
            members,
            cases,
        })
        .collect();
    crate::sort::sort_by(&mut summaries, |a, b| a.name.cmp(&b.name));
    summaries
}

/// A column of the country list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Members,
    Cases,
}

/// The countries sorted by `key`, names in `locale`'s alphabet; ties on
/// counts go by name, A to Z.
pub fn sorted(
    mut countries: Vec<CountrySummary>,
    key: SortKey,
    descending: bool,
    locale: &dyn Locale,
) -> Vec<CountrySummary> {
    crate::sort::sort_by(&mut countries, |a, b| {
        let by_name = || locale.compare(&a.name, &b.name);
        let primary = match key {
            SortKey::Name => by_name(),
            SortKey::Members => a.members.cmp(&b.members),
            SortKey::Cases => a.cases.cmp(&b.cases),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(by_name)
    });
    countries
}

/// The map's filters. Members are filtered by region and alliance; cases by
/// campaign, status and years. While a case filter is set, only the countries
/// with at least one matching case are kept (with their matching members).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub region: Option<Region>,
    pub alliance: Option<String>,
    pub campaign: Option<String>,
    pub status: Option<CaseStatus>,
    /// First year, inclusive.
    pub from: Option<i32>,
    /// Last year, inclusive.
    pub to: Option<i32>,
}

impl Filters {
    pub fn member_matches(&self, member: &Member) -> bool {
        self.region.is_none_or(|r| member.region == r)
            && self
                .alliance
                .as_ref()
                .is_none_or(|a| member.alliances.contains(a))
    }

    /// Whether any case filter is set.
    pub fn filters_cases(&self) -> bool {
        self.campaign.is_some() || self.status.is_some() || self.from.is_some() || self.to.is_some()
    }

    pub fn case_matches(&self, case: &Case) -> bool {
        self.status.is_none_or(|s| case.status == s)
            && self
                .campaign
                .as_ref()
                .is_none_or(|c| case.campaigns.contains(c))
            && self.years_match(case)
    }

    /// A case matches a year range when its outcomes' span meets it; a case
    /// without dated outcomes matches only when no years are set.
    fn years_match(&self, case: &Case) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let span = case
            .outcomes
            .iter()
            .fold(None, |acc: Option<(f64, f64)>, e| {
                let (start, end) = e.span_days();
                Some(acc.map_or((start, end), |(s, t)| (s.min(start), t.max(end))))
            });
        let Some((start, end)) = span else {
            return false;
        };
        let year_days = |year: i32, end: bool| {
            Date::parse(&format!("{year:04}"))
                .map(|d| if end { d.end_days() } else { d.start_days() })
                .ok()
        };
        let after_from = self
            .from
            .and_then(|y| year_days(y, false))
            .is_none_or(|from| end > from);
        let before_to = self
            .to
            .and_then(|y| year_days(y, true))
            .is_none_or(|to| start < to);
        after_from && before_to
    }
}

/// What the map and its list show under a set of filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Countries with matching members, by name.
    pub countries: Vec<CountrySummary>,
    /// Indices into `dataset.members`.
    pub members: Vec<usize>,
    /// Indices into `dataset.cases` (in the kept countries).
    pub cases: Vec<usize>,
}

pub fn select(dataset: &Dataset, filters: &Filters) -> Selection {
    let cases: Vec<usize> = (0..dataset.cases.len())
        .filter(|&i| {
            dataset
                .cases
                .get(i)
                .is_some_and(|c| filters.case_matches(c))
        })
        .collect();
    let case_countries: BTreeSet<&str> = cases
        .iter()
        .filter_map(|&i| dataset.cases.get(i))
        .map(|c| c.country.as_str())
        .collect();
    let members: Vec<usize> = (0..dataset.members.len())
        .filter(|&i| {
            dataset.members.get(i).is_some_and(|m| {
                filters.member_matches(m)
                    && (!filters.filters_cases() || case_countries.contains(m.country.as_str()))
            })
        })
        .collect();
    let member_countries: BTreeSet<&str> = members
        .iter()
        .filter_map(|&i| dataset.members.get(i))
        .map(|m| m.country.as_str())
        .collect();
    let cases: Vec<usize> = cases
        .into_iter()
        .filter(|&i| {
            dataset
                .cases
                .get(i)
                .is_some_and(|c| member_countries.contains(c.country.as_str()))
        })
        .collect();
    let countries = summarise(
        members.iter().filter_map(|&i| dataset.members.get(i)),
        cases.iter().filter_map(|&i| dataset.cases.get(i)),
    );
    Selection {
        countries,
        members,
        cases,
    }
}

/// A filter menu's value: "" (all) is none.
pub fn menu_value(value: String) -> Option<String> {
    Some(value).filter(|v| !v.is_empty())
}

/// A year field's value: a year from 1 to 9999, or none.
pub fn year_value(value: &str) -> Option<i32> {
    value
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1..=9999).contains(y))
}

/// How a country is drawn on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountryColours {
    pub fill: &'static str,
    pub outline: &'static str,
    /// Whether it has members in the selection (drawn as part of the network).
    pub shaded: bool,
}

impl Selection {
    /// The colours of country `code` (ISO alpha-2) under this selection: the
    /// fill of its member count's class with the outline that contrasts most,
    /// or the neutral fill.
    pub fn colours_of(&self, code: &str) -> CountryColours {
        let class = self
            .countries
            .iter()
            .find(|c| c.code == code)
            .and_then(|c| class_of(c.members));
        let fill = class.and_then(|c| CLASSES.get(c)).map_or(NEUTRAL, |c| c.1);
        CountryColours {
            fill,
            outline: if class.is_some() {
                outline_for(fill)
            } else {
                OUTLINE
            },
            shaded: class.is_some(),
        }
    }

    /// The countries of the selection the map's shapes do not draw (small
    /// states absent from the 110m shapes; `with_shape` holds the codes drawn),
    /// each with its label point, where it is drawn as a circle.
    pub fn without_shape(&self, with_shape: &[&str]) -> Vec<(&str, f64, f64)> {
        self.countries
            .iter()
            .filter(|summary| !with_shape.contains(&summary.code.as_str()))
            .filter_map(|summary| {
                countries::by_code(&summary.code)
                    .map(|country| (summary.code.as_str(), country.lat, country.lon))
            })
            .collect()
    }
}

/// The ISO alpha-2 code of an ISO numeric code (the world shapes' ids). A
/// linear search of a few hundred countries rather than a hash map: no extra
/// hash-table code in the wasm.
pub fn code_of_numeric(numeric: u16) -> Option<&'static str> {
    countries::all()
        .iter()
        .find(|c| c.numeric == numeric)
        .map(|c| c.code)
}

/// The positions of `members` (indices into the dataset's members; NaN where
/// none is known, which clustering leaves out) and their countries, in the
/// same order: the markers and what a click on one opens.
pub fn member_points(dataset: &Dataset, members: &[usize]) -> (Vec<(f64, f64)>, Vec<String>) {
    members
        .iter()
        .map(|&i| match dataset.members.get(i) {
            Some(member) => (
                member.position().unwrap_or((f64::NAN, f64::NAN)),
                member.country.clone(),
            ),
            None => ((f64::NAN, f64::NAN), String::new()),
        })
        .unzip()
}

/// Where the map opens, as (lat, lon, zoom): the view in the address, else
/// the whole world (one zoom level further out on a `narrow` screen).
pub fn start_view(view: &MapView, narrow: bool) -> (f64, f64, f64) {
    let (lat, lon) = view.center.unwrap_or((25.0, 10.0));
    let zoom = view.zoom.unwrap_or(if narrow { 1.0 } else { 2.0 });
    (lat, lon, zoom)
}

/// The colour classes of the member-count scale: (lowest count, fill colour).
/// Sequential teal; every fill keeps 3:1 contrast with its outline
/// ([`outline_for`]) so shapes stay distinguishable (WCAG 1.4.11).
pub const CLASSES: [(usize, &str); 4] = [
    (1, "#a8dadf"),
    (2, "#5fb4c0"),
    (3, "#2a8595"),
    (4, "#0b5d6b"),
];
/// Fill of countries without members.
pub const NEUTRAL: &str = crate::geo::basemap::LAND;
/// Outline of light fills.
pub const OUTLINE: &str = "#3d4a52";
/// Outline of dark fills.
pub const OUTLINE_LIGHT: &str = "#ffffff";

/// The outline (dark or white) that contrasts most with `fill`.
pub fn outline_for(fill: &str) -> &'static str {
    let dark = contrast(fill, OUTLINE).unwrap_or(0.0);
    let light = contrast(fill, OUTLINE_LIGHT).unwrap_or(0.0);
    if dark >= light {
        OUTLINE
    } else {
        OUTLINE_LIGHT
    }
}

/// The class (index into [`CLASSES`]) for a country with `members` members.
pub fn class_of(members: usize) -> Option<usize> {
    CLASSES.iter().rposition(|&(low, _)| members >= low)
}

/// The legend label of a class: `1`, `2`, `3`, `4+`.
pub fn class_label(class: usize) -> String {
    match (CLASSES.get(class), CLASSES.get(class + 1)) {
        (Some(&(low, _)), Some(&(next, _))) if next == low + 1 => low.to_string(),
        (Some(&(low, _)), Some(&(next, _))) => format!("{low}–{}", next - 1),
        (Some(&(low, _)), None) => format!("{low}+"),
        _ => String::new(),
    }
}

/// WCAG relative luminance of `#rrggbb` (None for other forms).
pub fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// The view a link reproduces: centre, zoom, filters and the open country. Read
/// from and written to the page's query string.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapView {
    /// (lat, lon).
    pub center: Option<(f64, f64)>,
    pub zoom: Option<f64>,
    pub filters: Filters,
    /// ISO alpha-2 of the country whose panel is open.
    pub country: Option<String>,
}

/// Every query key the map owns (others, such as `data` and `lang`, are kept).
pub const VIEW_KEYS: [&str; 10] = [
    "lat", "lon", "z", "region", "alliance", "campaign", "status", "from", "to", "country",
];

pub fn region_key(region: Region) -> &'static str {
    match region {
        Region::Africa => "africa",
        Region::Americas => "americas",
        Region::AsiaPacific => "asia-pacific",
        Region::EuropeCentralAsia => "europe-central-asia",
        Region::Mena => "mena",
    }
}

/// The filter menu's name of a region.
pub fn region_msg(region: Region) -> Msg {
    match region {
        Region::Africa => Msg::RegionAfrica,
        Region::Americas => Msg::RegionAmericas,
        Region::AsiaPacific => Msg::RegionAsiaPacific,
        Region::EuropeCentralAsia => Msg::RegionEuropeCentralAsia,
        Region::Mena => Msg::RegionMena,
    }
}

pub const REGIONS: [Region; 5] = [
    Region::Africa,
    Region::Americas,
    Region::AsiaPacific,
    Region::EuropeCentralAsia,
    Region::Mena,
];

pub fn status_key(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Open => "open",
        CaseStatus::PartlyResolved => "partly-resolved",
        CaseStatus::Resolved => "resolved",
    }
}

pub const STATUSES: [CaseStatus; 3] = [
    CaseStatus::Open,
    CaseStatus::PartlyResolved,
    CaseStatus::Resolved,
];

fn id_param(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 100
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then(|| value.to_owned())
}

fn number(value: &str, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
    value
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && range.contains(v))
}

fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

impl MapView {
    /// Reads the view from query pairs; values that are not valid are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> MapView {
        let mut view = MapView::default();
        let (mut lat, mut lon) = (None, None);
        for (key, value) in pairs {
            let f = &mut view.filters;
            match key {
                "lat" => lat = number(value, -90.0..=90.0),
                "lon" => lon = number(value, -180.0..=180.0),
                "z" => view.zoom = number(value, 0.0..=18.0),
                "region" => f.region = REGIONS.into_iter().find(|r| region_key(*r) == value),
                "status" => f.status = STATUSES.into_iter().find(|s| status_key(*s) == value),
                "alliance" => f.alliance = id_param(value),
                "campaign" => f.campaign = id_param(value),
                "from" => f.from = value.parse().ok().filter(|y| (1..=9999).contains(y)),
                "to" => f.to = value.parse().ok().filter(|y| (1..=9999).contains(y)),
                "country" => {
                    view.country = countries::by_code(value).map(|c| c.code.to_owned());
                }
                _ => {}
            }
        }
        view.center = lat.zip(lon);
        view
    }

    /// The query pairs of this view, in [`VIEW_KEYS`] order; unset parts are left out.
    /// The centre is kept to 5 decimals (about a metre) and the zoom to 2.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some((lat, lon)) = self.center {
            pairs.push(("lat", round(lat, 5).to_string()));
            pairs.push(("lon", round(lon, 5).to_string()));
        }
        if let Some(zoom) = self.zoom {
            pairs.push(("z", round(zoom, 2).to_string()));
        }
        let f = &self.filters;
        if let Some(region) = f.region {
            pairs.push(("region", region_key(region).to_owned()));
        }
        if let Some(alliance) = &f.alliance {
            pairs.push(("alliance", alliance.clone()));
        }
        if let Some(campaign) = &f.campaign {
            pairs.push(("campaign", campaign.clone()));
        }
        if let Some(status) = f.status {
            pairs.push(("status", status_key(status).to_owned()));
        }
        if let Some(from) = f.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = f.to {
            pairs.push(("to", to.to_string()));
        }
        if let Some(country) = &self.country {
            pairs.push(("country", country.clone()));
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{SourceFile, load_dataset};

    fn dataset(json: &str) -> Dataset {
        load_dataset(&[SourceFile {
            name: "test.json".into(),
            text: json.into(),
        }])
        .dataset
    }

    #[test]
    fn counts_members_and_cases_per_country() {
        let data = dataset(
            r#"{"format": "mapline/1",
                "members": [
                  {"id": "a", "name": "A", "country": "BY", "region": "europe-central-asia"},
                  {"id": "b", "name": "B", "country": "BY", "region": "europe-central-asia"},
                  {"id": "c", "name": "C", "country": "CA", "region": "americas"}],
                "cases": [
                  {"id": "k", "person": "K", "country": "BY", "status": "open"},
                  {"id": "m", "person": "M", "country": "MX", "status": "open"}]}"#,
        );
        let summaries = countries_with_members(&data);
        assert_eq!(summaries.len(), 2, "only countries with members");
        let belarus = summaries.iter().find(|s| s.code == "BY").expect("Belarus");
        assert_eq!((belarus.members, belarus.cases), (2, 1));
        assert_eq!(belarus.name, "Belarus");
        let canada = summaries.iter().find(|s| s.code == "CA").expect("Canada");
        assert_eq!((canada.members, canada.cases), (1, 0));
        assert!(
            summaries.windows(2).all(|w| w[0].name <= w[1].name),
            "sorted by name"
        );
    }

    const NETWORK: &str = r#"{"format": "mapline/1",
        "members": [
          {"id": "a", "name": "A", "country": "BY", "region": "europe-central-asia", "alliances": ["x"]},
          {"id": "b", "name": "B", "country": "BY", "region": "europe-central-asia"},
          {"id": "c", "name": "C", "country": "CA", "region": "americas"},
          {"id": "d", "name": "D", "country": "MX", "region": "americas", "alliances": ["x"]}],
        "cases": [
          {"id": "k", "person": "K", "country": "BY", "status": "open", "campaigns": ["c1"],
           "outcomes": [{"id": "k1", "date": "2011-05", "kind": "arrest", "headline": "H"}]},
          {"id": "m", "person": "M", "country": "MX", "status": "resolved",
           "outcomes": [{"id": "m1", "date": "2014", "kind": "release", "headline": "H"}]},
          {"id": "n", "person": "N", "country": "CA", "status": "open"}]}"#;

    fn codes(selection: &Selection) -> Vec<&str> {
        selection
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .collect()
    }

    #[test]
    fn no_filter_selects_everything() {
        let data = dataset(NETWORK);
        let all = select(&data, &Filters::default());
        assert_eq!(codes(&all), ["BY", "CA", "MX"]);
        assert_eq!(all.members, [0, 1, 2, 3]);
        assert_eq!(all.cases, [0, 1, 2]);
        assert_eq!(all.countries, countries_with_members(&data));
    }

    #[test]
    fn member_filters_narrow_countries_and_their_cases() {
        let data = dataset(NETWORK);
        let americas = select(
            &data,
            &Filters {
                region: Some(Region::Americas),
                ..Filters::default()
            },
        );
        assert_eq!(codes(&americas), ["CA", "MX"]);
        assert_eq!(americas.members, [2, 3]);
        assert_eq!(americas.cases, [1, 2], "cases of the kept countries only");
        let alliance = select(
            &data,
            &Filters {
                alliance: Some("x".into()),
                ..Filters::default()
            },
        );
        assert_eq!(alliance.members, [0, 3]);
        assert_eq!(
            alliance.countries[0].members, 1,
            "Belarus counts only member a"
        );
    }

    #[test]
    fn case_filters_keep_countries_with_a_matching_case() {
        let data = dataset(NETWORK);
        let open = select(
            &data,
            &Filters {
                status: Some(CaseStatus::Open),
                ..Filters::default()
            },
        );
        assert_eq!(codes(&open), ["BY", "CA"]);
        let campaign = select(
            &data,
            &Filters {
                campaign: Some("c1".into()),
                ..Filters::default()
            },
        );
        assert_eq!(codes(&campaign), ["BY"]);
        assert_eq!(campaign.members, [0, 1]);
        let years = |from, to| {
            codes(&select(
                &data,
                &Filters {
                    from,
                    to,
                    ..Filters::default()
                },
            ))
            .join(",")
        };
        assert_eq!(years(Some(2011), Some(2011)), "BY");
        assert_eq!(years(Some(2012), None), "MX");
        assert_eq!(
            years(None, Some(2013)),
            "BY",
            "a case without dates never matches years"
        );
        assert_eq!(years(Some(2010), Some(2014)), "BY,MX");
        assert_eq!(years(Some(2015), Some(2020)), "");
    }

    #[test]
    fn scale_classes_labels_and_contrast() {
        assert_eq!(class_of(0), None);
        assert_eq!(class_of(1), Some(0));
        assert_eq!(class_of(3), Some(2));
        assert_eq!(class_of(4), Some(3));
        assert_eq!(class_of(500), Some(3));
        let labels: Vec<String> = (0..CLASSES.len()).map(class_label).collect();
        assert_eq!(labels, ["1", "2", "3", "4+"]);
        assert_eq!(class_label(9), "");
        // The outline stands out from every fill and from the neutral land.
        for (_, fill) in CLASSES.iter().chain([&(0, NEUTRAL)]) {
            let ratio = contrast(fill, outline_for(fill)).expect("valid colours");
            assert!(ratio >= 3.0, "{fill} vs outline: {ratio:.2}");
        }
        // Classes get darker as counts grow, and the darkest stands out from
        // neutral land.
        let lum: Vec<f64> = CLASSES.iter().map(|(_, c)| luminance(c).unwrap()).collect();
        assert!(lum.windows(2).all(|w| w[0] > w[1]), "{lum:?}");
        assert!(contrast(CLASSES[3].1, NEUTRAL).unwrap() >= 3.0);
        assert_eq!(outline_for(NEUTRAL), OUTLINE);
        assert_eq!(outline_for(CLASSES[3].1), OUTLINE_LIGHT);
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert_eq!(luminance("red"), None);
        assert_eq!(luminance("#12345é"), None);
    }

    #[test]
    fn view_round_trips_through_the_query_string() {
        let view = MapView {
            center: Some((12.34567, -98.76543)),
            zoom: Some(4.5),
            filters: Filters {
                region: Some(Region::AsiaPacific),
                alliance: Some("afex".into()),
                campaign: Some("idei-2012".into()),
                status: Some(CaseStatus::PartlyResolved),
                from: Some(2011),
                to: Some(2014),
            },
            country: Some("BY".into()),
        };
        let pairs = view.to_pairs();
        assert_eq!(pairs.len(), VIEW_KEYS.len());
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, VIEW_KEYS);
        let back = MapView::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, view);
        assert_eq!(MapView::from_pairs([]), MapView::default());
        assert!(MapView::default().to_pairs().is_empty());
    }

    #[test]
    fn bad_query_values_are_ignored() {
        let view = MapView::from_pairs([
            ("lat", "95"),
            ("lon", "10"),
            ("z", "NaN"),
            ("region", "atlantis"),
            ("status", "OPEN"),
            ("alliance", "<script>"),
            ("campaign", ""),
            ("from", "-3"),
            ("to", "abc"),
            ("country", "XX"),
            ("data", "elsewhere.json"),
        ]);
        assert_eq!(view, MapView::default());
        let lower = MapView::from_pairs([("country", "by"), ("lat", "1e1"), ("lon", "-0")]);
        assert_eq!(lower.country, None, "codes are uppercase");
        assert_eq!(lower.center, Some((10.0, 0.0)));
        let rounded = MapView {
            center: Some((1.234_567_89, 2.0)),
            zoom: Some(3.14659),
            ..MapView::default()
        };
        let pairs = rounded.to_pairs();
        assert_eq!(pairs[0].1, "1.23457");
        assert_eq!(pairs[2].1, "3.15");
    }

    #[test]
    fn sorts_by_each_column_with_ties_by_name() {
        let data = dataset(NETWORK);
        let all = countries_with_members(&data);
        let order = |key, descending| -> Vec<String> {
            sorted(all.clone(), key, descending, &crate::i18n::English)
                .into_iter()
                .map(|c| c.code)
                .collect()
        };
        assert_eq!(order(SortKey::Name, false), ["BY", "CA", "MX"]);
        assert_eq!(order(SortKey::Name, true), ["MX", "CA", "BY"]);
        // Belarus 2 members; Canada and Mexico 1 each, then by name.
        assert_eq!(order(SortKey::Members, true), ["BY", "CA", "MX"]);
        assert_eq!(order(SortKey::Members, false), ["CA", "MX", "BY"]);
        // One case each: by name.
        assert_eq!(order(SortKey::Cases, true), ["BY", "CA", "MX"]);
    }

    /// The reader's alphabet orders the names, not code points.
    #[test]
    fn names_sort_in_the_locale_alphabet() {
        use crate::i18n::{DateParts, English, Lang, Plural};
        /// French names with French-like order: accents after their letter.
        struct French;
        impl Locale for French {
            fn lang(&self) -> Lang {
                Lang::Fr
            }
            fn number(&self, n: f64) -> String {
                English.number(n)
            }
            fn compact(&self, n: f64) -> String {
                English.compact(n)
            }
            fn plural(&self, n: f64) -> Plural {
                English.plural(n)
            }
            fn date(&self, parts: &DateParts) -> String {
                English.date(parts)
            }
            fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
                let fold = |s: &str| s.replace('É', "E");
                fold(a).cmp(&fold(b))
            }
        }
        let summary = |code: &str, name: &str| CountrySummary {
            code: code.to_owned(),
            name: name.to_owned(),
            members: 1,
            cases: 0,
        };
        let names = vec![
            summary("ZM", "Zambie"),
            summary("EG", "Égypte"),
            summary("FR", "France"),
        ];
        let codes = |locale: &dyn Locale| -> Vec<String> {
            sorted(names.clone(), SortKey::Name, false, locale)
                .into_iter()
                .map(|c| c.code)
                .collect()
        };
        assert_eq!(codes(&French), ["EG", "FR", "ZM"]);
        assert_eq!(
            codes(&English),
            ["FR", "ZM", "EG"],
            "code points put É last"
        );
    }

    #[test]
    fn countries_are_coloured_by_their_members_in_the_selection() {
        let data = dataset(NETWORK);
        let selection = select(&data, &Filters::default());
        let belarus = selection.colours_of("BY");
        assert!(belarus.shaded);
        assert_eq!(belarus.fill, CLASSES[1].1, "two members");
        assert_eq!(belarus.outline, outline_for(belarus.fill));
        assert_eq!(
            selection.colours_of("FR"),
            CountryColours {
                fill: NEUTRAL,
                outline: OUTLINE,
                shaded: false
            }
        );
        // Canada and Mexico have no shape here: drawn at their label points.
        let missing = selection.without_shape(&["BY", "", "FR"]);
        let codes: Vec<&str> = missing.iter().map(|m| m.0).collect();
        assert_eq!(codes, ["CA", "MX"]);
        let mexico = countries::by_code("MX").expect("Mexico");
        assert_eq!(missing[1], ("MX", mexico.lat, mexico.lon));
        assert_eq!(code_of_numeric(112), Some("BY"));
        assert_eq!(code_of_numeric(0), None);
    }

    #[test]
    fn markers_take_each_members_position_and_country() {
        let data = dataset(
            r#"{"format": "mapline/1", "members": [
              {"id": "a", "name": "A", "country": "BY", "region": "europe-central-asia",
               "coordinates": {"lat": 53.9, "lon": 27.56}},
              {"id": "b", "name": "B", "country": "CA", "region": "americas"}]}"#,
        );
        let (points, countries) = member_points(&data, &[1, 0, 7]);
        assert_eq!(countries, ["CA", "BY", ""]);
        assert_eq!(points[1], (53.9, 27.56));
        assert_eq!(Some(points[0]), data.members[1].position());
        assert!(
            points[2].0.is_nan(),
            "no such member: left out by clustering"
        );
    }

    #[test]
    fn the_map_opens_on_the_addressed_view_or_the_world() {
        let mut view = MapView::default();
        assert_eq!(start_view(&view, false), (25.0, 10.0, 2.0));
        assert_eq!(start_view(&view, true), (25.0, 10.0, 1.0));
        view.center = Some((-33.9, 18.4));
        view.zoom = Some(6.0);
        assert_eq!(start_view(&view, true), (-33.9, 18.4, 6.0));
    }

    #[test]
    fn filter_fields_read_all_as_none_and_only_plausible_years() {
        assert_eq!(menu_value(String::new()), None);
        assert_eq!(menu_value("x".into()), Some("x".into()));
        assert_eq!(year_value(" 2012 "), Some(2012));
        for bad in ["", "0", "10000", "-5", "2012.5", "twenty"] {
            assert_eq!(year_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn land_borders_and_water_are_told_apart_and_markers_stand_out() {
        use crate::geo::basemap::{BORDER, LAND, WATER};
        // Coasts and borders against land and sea (WCAG 1.4.11's 3:1 is for
        // the markers; a border only needs to show).
        assert!(contrast(BORDER, LAND).unwrap_or(0.0) >= 2.0);
        assert!(contrast(BORDER, WATER).unwrap_or(0.0) >= 1.5);
        assert!(LAND != WATER);
        // The story markers (ui/leaflet/layers.rs draw_places) and /map's: the fill
        // or its outline stands out 3:1 on land and on water.
        for (fill, outline) in [("#c2410c", "#ffffff"), ("#1d4ed8", "#1e3a8a")] {
            for ground in [LAND, WATER] {
                let best = contrast(fill, ground)
                    .unwrap_or(0.0)
                    .max(contrast(outline, ground).unwrap_or(0.0));
                assert!(best >= 3.0, "{fill}/{outline} on {ground}: {best:.2}");
            }
        }
        let css = |name: &str| {
            std::fs::read_to_string(format!("{}/src/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap_or_default()
        };
        assert!(css("map/map.css").contains(WATER), "map.css's water");
        assert!(css("story/story.css").contains(WATER), "story.css's water");
    }
}
