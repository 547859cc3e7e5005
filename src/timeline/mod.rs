//! The timeline of campaign results: every case outcome and campaign milestone
//! in time order. Pure logic here (tested natively); the view is in `view.rs`.

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
}

impl TimelineEntry {
    /// Start and exclusive end, in days since 1970-01-01.
    pub fn span(&self) -> (f64, f64) {
        self.event.span_days()
    }
}

/// Every outcome and milestone of the dataset, earliest first (ties keep data order).
pub fn entries(dataset: &Dataset) -> Vec<TimelineEntry> {
    let outcomes = dataset.cases.iter().flat_map(|case| {
        case.outcomes.iter().map(move |event| TimelineEntry {
            event: event.clone(),
            case_id: Some(case.id.clone()),
            campaign_id: None,
        })
    });
    let milestones = dataset.campaigns.iter().flat_map(|campaign| {
        campaign.milestones.iter().map(move |event| TimelineEntry {
            event: event.clone(),
            case_id: None,
            campaign_id: Some(campaign.id.clone()),
        })
    });
    let mut all: Vec<TimelineEntry> = outcomes.chain(milestones).collect();
    all.sort_by(|a, b| a.span().0.total_cmp(&b.span().0));
    all
}

/// Entries grouped by calendar year of their start (BCE years negative), in order.
pub fn by_year(entries: &[TimelineEntry]) -> Vec<(i64, Vec<&TimelineEntry>)> {
    let mut groups: Vec<(i64, Vec<&TimelineEntry>)> = Vec::new();
    for entry in entries {
        let date = &entry.event.date;
        let year = date
            .start_point()
            .or(date.end_point())
            .map_or(0, |p| p.year);
        match groups.last_mut() {
            Some((last, list)) if *last == year => list.push(entry),
            _ => groups.push((year, vec![entry])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

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
        let years: Vec<(i64, usize)> = by_year(&all).iter().map(|(y, l)| (*y, l.len())).collect();
        assert_eq!(years, [(2011, 1), (2013, 2)]);
    }
}
