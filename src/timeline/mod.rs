//! The timeline of campaign results: every case outcome and campaign milestone
//! in time order. Pure logic here (tested natively); the view is in `view.rs`.

pub mod gesture;
pub mod layout;
pub mod slides;
#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::model::{Dataset, Event};

/// An event on the timeline: where it is in the dataset, and its span. Small
/// and `Copy`: the 10,000 of a large file are made and sorted on the way to
/// the first view, so the events themselves stay in the dataset
/// ([`TimelineEntry::of`] finds one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineEntry {
    owner: Owner,
    /// The event's index in its owner's list.
    index: usize,
    /// `event.span_days()`, computed once (calendar maths is not free at 10,000 events).
    span: (f64, f64),
}

/// The record whose list holds an entry's event, by index in the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// A case's outcomes.
    Case(usize),
    /// A campaign's milestones.
    Campaign(usize),
    /// A stand-alone timeline's events.
    Timeline(usize),
}

/// An entry's event and what it belongs to, borrowed from the dataset.
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'d> {
    pub event: &'d Event,
    /// The case the event is an outcome of.
    pub case_id: Option<&'d str>,
    /// The campaign the event is a milestone of.
    pub campaign_id: Option<&'d str>,
}

impl TimelineEntry {
    fn new(owner: Owner, index: usize, event: &Event) -> Self {
        TimelineEntry {
            owner,
            index,
            span: event.span_days(),
        }
    }

    /// Start and exclusive end, in days since 1970-01-01.
    pub fn span(&self) -> (f64, f64) {
        self.span
    }

    /// The entry's event in `dataset`, the one the entry was made from
    /// (`None` for a dataset without it).
    pub fn of<'d>(&self, dataset: &'d Dataset) -> Option<EntryRef<'d>> {
        let i = self.index;
        Some(match self.owner {
            Owner::Case(c) => {
                let case = dataset.cases.get(c)?;
                EntryRef {
                    event: case.outcomes.get(i)?,
                    case_id: Some(&case.id),
                    campaign_id: None,
                }
            }
            Owner::Campaign(c) => {
                let campaign = dataset.campaigns.get(c)?;
                EntryRef {
                    event: campaign.milestones.get(i)?,
                    case_id: None,
                    campaign_id: Some(&campaign.id),
                }
            }
            Owner::Timeline(t) => EntryRef {
                event: dataset.timelines.get(t)?.events.get(i)?,
                case_id: None,
                campaign_id: None,
            },
        })
    }
}

/// Narrow screens (40rem) get the vertical list instead of the axis.
pub const NARROW_PX: f64 = 640.0;

/// Every outcome and milestone of the dataset, earliest first (ties keep data order).
pub fn entries(dataset: &Dataset) -> Vec<TimelineEntry> {
    let lists = dataset
        .cases
        .iter()
        .enumerate()
        .map(|(c, case)| (Owner::Case(c), &case.outcomes))
        .chain(
            dataset
                .campaigns
                .iter()
                .enumerate()
                .map(|(c, campaign)| (Owner::Campaign(c), &campaign.milestones)),
        )
        // Stand-alone timeline documents (an imported TimelineJS3 file, the
        // network's own timeline) join the same axis.
        .chain(
            dataset
                .timelines
                .iter()
                .enumerate()
                .map(|(t, timeline)| (Owner::Timeline(t), &timeline.events)),
        );
    let mut all = Vec::new();
    for (owner, events) in lists {
        all.extend(
            events
                .iter()
                .enumerate()
                .map(|(i, event)| TimelineEntry::new(owner, i, event)),
        );
    }
    crate::sort::sort_by(&mut all, |a, b| a.span().0.total_cmp(&b.span().0));
    all
}

/// How the reader groups events into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Grouping {
    #[default]
    None,
    Country,
    Campaign,
    Case,
    Kind,
    /// The events' own `group` labels (TimelineJS3's groups).
    Group,
}

/// The timeline's view in the page's query that its embed takes as it is
/// (the lanes, `?group=`, and the layout, `?layout=`).
pub const VIEW_KEYS: [&str; 2] = ["group", "layout"];

impl Grouping {
    pub const ALL: [Grouping; 6] = [
        Grouping::None,
        Grouping::Country,
        Grouping::Campaign,
        Grouping::Case,
        Grouping::Kind,
        Grouping::Group,
    ];

    /// The grouping a timeline starts with: `?group=` when given, else the
    /// events' own groups when they have any (as TimelineJS3 shows them).
    pub fn initial(param: Option<&str>, entries: &[TimelineEntry], dataset: &Dataset) -> Grouping {
        let grouped =
            |entry: &TimelineEntry| entry.of(dataset).is_some_and(|e| e.event.group.is_some());
        match param {
            Some(value) => Grouping::from_param(Some(value)),
            None if entries.iter().any(grouped) => Grouping::Group,
            None => Grouping::None,
        }
    }

    /// The value in `?group=`; unknown values fall back to no grouping.
    pub fn from_param(value: Option<&str>) -> Grouping {
        Grouping::ALL
            .into_iter()
            .find(|g| Some(g.as_str()) == value.map(str::trim))
            .unwrap_or_default()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::None => "none",
            Grouping::Country => "country",
            Grouping::Campaign => "campaign",
            Grouping::Case => "case",
            Grouping::Kind => "kind",
            Grouping::Group => "group",
        }
    }
}

/// The lane key of an entry under `grouping`: a country code, campaign id, case id
/// or outcome kind name; empty for "other" (no country, no campaign…). `case_of`
/// finds a case by id (a map, so that 10,000 events do not scan every case).
pub fn lane_key<'a>(
    entry: EntryRef<'a>,
    dataset: &'a Dataset,
    grouping: Grouping,
    case_of: impl Fn(&str) -> Option<&'a crate::model::Case>,
) -> String {
    match grouping {
        Grouping::None => String::new(),
        Grouping::Country => entry
            .case_id
            .and_then(&case_of)
            .map(|c| c.country.clone())
            .or_else(|| entry.event.place.as_ref().and_then(|p| p.country.clone()))
            .unwrap_or_default(),
        Grouping::Campaign => entry
            .campaign_id
            .map(str::to_owned)
            .or_else(|| {
                let case = entry.case_id.and_then(&case_of)?;
                dataset.campaigns_of_case(case).next().map(|k| k.id.clone())
            })
            .unwrap_or_default(),
        Grouping::Case => entry.case_id.map(str::to_owned).unwrap_or_default(),
        Grouping::Kind => entry.event.kind.map(kind_name).unwrap_or_default(),
        Grouping::Group => entry
            .event
            .group
            .as_ref()
            .map(|g| g.resolve("en").to_owned())
            .unwrap_or_default(),
    }
}

/// The lanes of `entries` under `grouping`: the keys in order of first appearance
/// in time (the "other" lane, key "", last), and each entry's lane index.
pub fn lanes(
    entries: &[TimelineEntry],
    dataset: &Dataset,
    grouping: Grouping,
) -> (Vec<String>, Vec<usize>) {
    if grouping == Grouping::None {
        return (vec![String::new()], vec![0; entries.len()]);
    }
    let cases: std::collections::HashMap<&str, &crate::model::Case> =
        dataset.cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let case_of = |id: &str| cases.get(id).copied();
    let keys_of: Vec<String> = entries
        .iter()
        .map(|e| {
            e.of(dataset)
                .map(|e| lane_key(e, dataset, grouping, case_of))
                .unwrap_or_default()
        })
        .collect();
    let mut keys: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for key in &keys_of {
        if !key.is_empty() && seen.insert(key.as_str()) {
            keys.push(key.clone());
        }
    }
    if keys_of.iter().any(String::is_empty) || keys.is_empty() {
        keys.push(String::new());
    }
    let index: std::collections::HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let lane_of = keys_of
        .iter()
        .map(|k| index.get(k.as_str()).copied().unwrap_or(0))
        .collect();
    (keys, lane_of)
}

/// A period drawn behind the events: a campaign's period or the UN day.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub start: f64,
    pub end: f64,
    pub label: crate::model::Text,
    /// `campaign` or `un-day`, for styling.
    pub kind: &'static str,
}

/// Campaign periods, and UN milestones (the International Day to End Impunity), in time order.
pub fn eras(dataset: &Dataset) -> Vec<Era> {
    let mut out: Vec<Era> = Vec::new();
    for campaign in &dataset.campaigns {
        if let Some(period) = &campaign.period {
            out.push(Era {
                start: period.start_days(),
                end: period.end_days(),
                label: campaign.name.clone(),
                kind: "campaign",
            });
        }
        for milestone in &campaign.milestones {
            if milestone.kind == Some(crate::model::OutcomeKind::UnResponse) {
                let (start, end) = milestone.span_days();
                out.push(Era {
                    start,
                    end,
                    label: milestone.headline.clone(),
                    kind: "un-day",
                });
            }
        }
    }
    for timeline in &dataset.timelines {
        for era in &timeline.eras {
            let end = era.end_date.as_ref().unwrap_or(&era.date);
            out.push(Era {
                start: era.date.start_days(),
                end: end.end_days(),
                label: era.headline.clone(),
                kind: "era",
            });
        }
    }
    out.retain(|e| e.start.is_finite() && e.end.is_finite() && e.end > e.start);
    crate::sort::sort_by(&mut out, |a, b| a.start.total_cmp(&b.start));
    out
}

/// The data name of an outcome kind (`suspects-arrested`).
pub fn kind_name(kind: crate::model::OutcomeKind) -> String {
    // NAMES lists the variants in declaration order (checked by the tests).
    crate::model::OutcomeKind::NAMES
        .get(kind as usize)
        .copied()
        .unwrap_or("other")
        .to_owned()
}

/// The start year of each entry (the end's for an open start; 0 for none),
/// which heads its group in the narrow list.
pub fn entry_years(entries: &[TimelineEntry], dataset: &Dataset) -> Vec<i64> {
    entries
        .iter()
        .map(|entry| {
            entry.of(dataset).map_or(0, |e| {
                let date = &e.event.date;
                date.start_point()
                    .or(date.end_point())
                    .map_or(0, |p| p.year)
            })
        })
        .collect()
}

/// The part of the narrow list that is in the DOM: entries `start..end`. The
/// list grows by [`ListWindow::STEP`] as the reader nears either end and drops
/// entries from the far end beyond [`ListWindow::MAX`], so 10,000 events stay
/// a few hundred elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListWindow {
    pub start: usize,
    pub end: usize,
}

impl ListWindow {
    /// Entries shown at first.
    pub const FIRST: usize = 120;
    /// Entries added at a time.
    pub const STEP: usize = 60;
    /// The most in the DOM at once.
    pub const MAX: usize = 300;

    /// [`ListWindow::FIRST`] entries around `index` (a quarter of them before it).
    pub fn around(index: usize, total: usize) -> ListWindow {
        let index = index.min(total.saturating_sub(1));
        let start = index.saturating_sub(Self::FIRST / 4);
        let end = (start + Self::FIRST).min(total);
        let start = end.saturating_sub(Self::FIRST).min(start);
        ListWindow { start, end }
    }

    /// This window if it holds `index`, else one around it.
    pub fn including(self, index: usize, total: usize) -> ListWindow {
        if (self.start..self.end).contains(&index) {
            self
        } else {
            ListWindow::around(index, total)
        }
    }

    /// [`ListWindow::STEP`] earlier entries, dropping later ones beyond the maximum.
    pub fn earlier(self) -> ListWindow {
        let start = self.start.saturating_sub(Self::STEP);
        let end = self.end.min(start + Self::MAX);
        ListWindow { start, end }
    }

    /// [`ListWindow::STEP`] later entries, dropping earlier ones beyond the maximum.
    pub fn later(self, total: usize) -> ListWindow {
        let end = (self.end + Self::STEP).min(total);
        let start = self.start.max(end.saturating_sub(Self::MAX));
        ListWindow { start, end }
    }

    /// How many entries come after the window.
    pub fn after(self, total: usize) -> usize {
        total.saturating_sub(self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

    #[test]
    fn the_list_window_holds_the_selection_and_stays_bounded() {
        let total = 10_000;
        let w = ListWindow::around(0, total);
        assert_eq!(
            w,
            ListWindow {
                start: 0,
                end: ListWindow::FIRST
            }
        );
        let w = ListWindow::around(5_000, total);
        assert!(w.start < 5_000 && 5_000 < w.end && w.end - w.start == ListWindow::FIRST);
        let last = ListWindow::around(total - 1, total);
        assert_eq!(last.end, total);
        assert_eq!(last.end - last.start, ListWindow::FIRST);
        // A short list is whole.
        assert_eq!(ListWindow::around(3, 40), ListWindow { start: 0, end: 40 });
        assert_eq!(ListWindow::around(0, 0), ListWindow { start: 0, end: 0 });
        // Growing towards one end drops the other beyond the maximum.
        let mut grown = ListWindow::around(0, total);
        for _ in 0..20 {
            grown = grown.later(total);
            assert!(grown.end - grown.start <= ListWindow::MAX);
        }
        assert_eq!(grown.end, ListWindow::FIRST + 20 * ListWindow::STEP);
        assert_eq!(grown.after(total), total - grown.end);
        let back = grown.earlier();
        assert_eq!(back.start, grown.start - ListWindow::STEP);
        assert!(back.end - back.start <= ListWindow::MAX);
        // Growing stops at the ends.
        assert_eq!(ListWindow::around(0, total).earlier().start, 0);
        assert_eq!(last.later(total).end, total);
        // A selection outside moves the window; inside, it stays.
        assert_eq!(w.including(5_001, total), w);
        assert!(w.including(9_000, total).end > 9_000);
    }

    #[test]
    fn outcomes_and_milestones_in_time_order() {
        let json = r#"{"format": "mapline/1",
            "cases": [{"id": "k", "person": "K", "country": "BY", "status": "open", "outcomes": [
                {"id": "late", "date": "2013-05-02", "kind": "release", "headline": "Released"},
                {"id": "year-only", "date": "2011", "kind": "sentence", "headline": "Sentenced"}]}],
            "campaigns": [{"id": "c", "name": "C", "milestones": [
                {"id": "un-day", "date": "2013-12", "headline": "UN day declared"}]}]}"#;
        let loaded = load_dataset(&[SourceFile {
            name: "t.json".into(),
            text: json.into(),
        }]);
        let data = &loaded.dataset;
        let all = entries(data);
        let refs: Vec<EntryRef<'_>> = all.iter().filter_map(|e| e.of(data)).collect();
        let ids: Vec<&str> = refs.iter().map(|e| e.event.id.as_str()).collect();
        assert_eq!(ids, ["year-only", "late", "un-day"]);
        assert_eq!(refs[0].case_id, Some("k"));
        assert_eq!(refs[0].campaign_id, None);
        assert_eq!(refs[2].campaign_id, Some("c"));
        assert_eq!(refs[2].case_id, None);
        assert_eq!(entry_years(&all, data), [2011, 2013, 2013]);
        // An entry of another dataset finds nothing there, and panics on nothing.
        assert!(all[2].of(&Dataset::default()).is_none());
    }

    #[test]
    fn lanes_and_eras() {
        let json = r#"{"format": "mapline/1",
            "cases": [
                {"id": "k", "person": "K", "country": "BY", "status": "open", "campaigns": ["c"], "outcomes": [
                    {"id": "k1", "date": "2011", "kind": "sentence", "headline": "Sentenced"},
                    {"id": "k2", "date": "2013-05-02", "kind": "release", "headline": "Released"}]},
                {"id": "m", "person": "M", "country": "MX", "status": "open", "outcomes": [
                    {"id": "m1", "date": "2012", "kind": "release", "headline": "Released"}]}],
            "campaigns": [{"id": "c", "name": "C", "period": "2012-10/2012-11", "milestones": [
                {"id": "un-day", "date": "2013-12", "kind": "un-response", "headline": "UN day declared"}]}]}"#;
        let loaded = load_dataset(&[SourceFile {
            name: "t.json".into(),
            text: json.into(),
        }]);
        let data = &loaded.dataset;
        let all = entries(data);
        let ids: Vec<&str> = all
            .iter()
            .filter_map(|e| e.of(data))
            .map(|e| e.event.id.as_str())
            .collect();
        assert_eq!(ids, ["k1", "m1", "k2", "un-day"]);
        let (keys, lane_of) = lanes(&all, data, Grouping::Country);
        assert_eq!(keys, ["BY", "MX", ""]);
        assert_eq!(lane_of, [0, 1, 0, 2]);
        let (keys, lane_of) = lanes(&all, data, Grouping::Campaign);
        assert_eq!(keys, ["c", ""]);
        assert_eq!(lane_of, [0, 1, 0, 0]);
        let (keys, _) = lanes(&all, data, Grouping::Kind);
        assert_eq!(keys, ["sentence", "release", "un-response"]);
        let (keys, lane_of) = lanes(&all, data, Grouping::None);
        assert_eq!(keys, [""]);
        assert_eq!(lane_of, [0, 0, 0, 0]);
        let (keys, _) = lanes(&[], data, Grouping::Case);
        assert_eq!(keys, [""]);
        assert_eq!(Grouping::from_param(Some("case")), Grouping::Case);
        assert_eq!(Grouping::from_param(Some("bogus")), Grouping::None);
        let eras = eras(data);
        assert_eq!(eras.len(), 2);
        assert_eq!(eras[0].kind, "campaign");
        for name in crate::model::OutcomeKind::NAMES {
            let kind: crate::model::OutcomeKind =
                serde_json::from_value(serde_json::Value::String(name.to_owned()))
                    .unwrap_or(crate::model::OutcomeKind::Other);
            assert_eq!(kind_name(kind), name);
        }
        assert_eq!(eras[1].kind, "un-day");
        assert!(eras[0].end > eras[0].start);
    }
}
