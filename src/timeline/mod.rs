//! The timeline of campaign results: every case outcome and campaign milestone
//! in time order. Pure logic here (tested natively); the view is in `view.rs`.

pub mod layout;
#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::model::{Dataset, Event};

/// An event on the timeline with what it belongs to.
#[derive(Clone, Debug)]
pub struct TimelineEntry {
    pub event: Event,
    /// The case the event is an outcome of.
    pub case_id: Option<String>,
    /// The campaign the event is a milestone of.
    pub campaign_id: Option<String>,
    /// `event.span_days()`, computed once (calendar maths is not free at 10,000 events).
    span: (f64, f64),
}

impl TimelineEntry {
    pub fn new(event: Event, case_id: Option<String>, campaign_id: Option<String>) -> Self {
        let span = event.span_days();
        TimelineEntry {
            event,
            case_id,
            campaign_id,
            span,
        }
    }

    /// Start and exclusive end, in days since 1970-01-01.
    pub fn span(&self) -> (f64, f64) {
        self.span
    }
}

/// Every outcome and milestone of the dataset, earliest first (ties keep data order).
pub fn entries(dataset: &Dataset) -> Vec<TimelineEntry> {
    let outcomes = dataset.cases.iter().flat_map(|case| {
        case.outcomes
            .iter()
            .map(move |event| TimelineEntry::new(event.clone(), Some(case.id.clone()), None))
    });
    let milestones = dataset.campaigns.iter().flat_map(|campaign| {
        campaign
            .milestones
            .iter()
            .map(move |event| TimelineEntry::new(event.clone(), None, Some(campaign.id.clone())))
    });
    // Stand-alone timeline documents (an imported TimelineJS3 file, the
    // network's own timeline) join the same axis.
    let standalone = dataset.timelines.iter().flat_map(|timeline| {
        timeline
            .events
            .iter()
            .map(|event| TimelineEntry::new(event.clone(), None, None))
    });
    let mut all: Vec<TimelineEntry> = outcomes.chain(milestones).chain(standalone).collect();
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
    pub fn initial(param: Option<&str>, entries: &[TimelineEntry]) -> Grouping {
        match param {
            Some(value) => Grouping::from_param(Some(value)),
            None if entries.iter().any(|e| e.event.group.is_some()) => Grouping::Group,
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
    entry: &TimelineEntry,
    dataset: &'a Dataset,
    grouping: Grouping,
    case_of: impl Fn(&str) -> Option<&'a crate::model::Case>,
) -> String {
    match grouping {
        Grouping::None => String::new(),
        Grouping::Country => entry
            .case_id
            .as_deref()
            .and_then(&case_of)
            .map(|c| c.country.clone())
            .or_else(|| entry.event.place.as_ref().and_then(|p| p.country.clone()))
            .unwrap_or_default(),
        Grouping::Campaign => entry
            .campaign_id
            .clone()
            .or_else(|| {
                let case = entry.case_id.as_deref().and_then(&case_of)?;
                dataset.campaigns_of_case(case).next().map(|k| k.id.clone())
            })
            .unwrap_or_default(),
        Grouping::Case => entry.case_id.clone().unwrap_or_default(),
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
        .map(|e| lane_key(e, dataset, grouping, case_of))
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
pub fn entry_years(entries: &[TimelineEntry]) -> Vec<i64> {
    entries
        .iter()
        .map(|entry| {
            let date = &entry.event.date;
            date.start_point()
                .or(date.end_point())
                .map_or(0, |p| p.year)
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
        let all = entries(&loaded.dataset);
        let ids: Vec<&str> = all.iter().map(|e| e.event.id.as_str()).collect();
        assert_eq!(ids, ["year-only", "late", "un-day"]);
        assert_eq!(all[0].case_id.as_deref(), Some("k"));
        assert_eq!(all[2].campaign_id.as_deref(), Some("c"));
        assert_eq!(entry_years(&all), [2011, 2013, 2013]);
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
        let ids: Vec<&str> = all.iter().map(|e| e.event.id.as_str()).collect();
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
