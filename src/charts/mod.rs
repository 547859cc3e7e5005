//! The campaign results infographic: outcomes counted by kind, by country and
//! by year, and the scale the bars are drawn on. Pure Rust, tested natively;
//! the SVG charts (each with a table alternative) are in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use std::collections::BTreeMap;

use crate::model::{Case, OutcomeKind};

/// A bar chart's geometry in view-box units, shared by the app's charts
/// (`view.rs`) and the published pages' (`publish::pages`).
pub const CHART_WIDTH: f64 = 640.0;
pub const LABEL_WIDTH: f64 = 200.0;
pub const BAR_HEIGHT: f64 = 22.0;
pub const BAR_GAP: f64 = 8.0;
pub const AXIS_HEIGHT: f64 = 24.0;

/// One bar: what it counts and how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally<K> {
    pub key: K,
    pub count: usize,
}

/// The outcomes of `cases` counted three ways.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeTallies {
    /// Most frequent first; ties in the kinds' own order.
    pub by_kind: Vec<Tally<OutcomeKind>>,
    /// Alpha-2 codes, most frequent first; ties by code.
    pub by_country: Vec<Tally<String>>,
    /// Calendar years of the outcomes' starts, in order (BCE negative).
    pub by_year: Vec<Tally<i64>>,
}

impl OutcomeTallies {
    pub fn of<'a>(cases: impl IntoIterator<Item = &'a Case>) -> OutcomeTallies {
        let mut kinds: BTreeMap<usize, (OutcomeKind, usize)> = BTreeMap::new();
        let mut countries: BTreeMap<String, usize> = BTreeMap::new();
        let mut years: BTreeMap<i64, usize> = BTreeMap::new();
        for case in cases {
            for outcome in &case.outcomes {
                let kind = outcome.kind.unwrap_or(OutcomeKind::Other);
                kinds.entry(kind as usize).or_insert((kind, 0)).1 += 1;
                *countries.entry(case.country.clone()).or_default() += 1;
                let date = &outcome.date;
                if let Some(point) = date.start_point().or(date.end_point()) {
                    *years.entry(point.year).or_default() += 1;
                }
            }
        }
        let mut by_kind: Vec<Tally<OutcomeKind>> = kinds
            .into_values()
            .map(|(key, count)| Tally { key, count })
            .collect();
        crate::sort::sort_by(&mut by_kind, |a, b| {
            b.count
                .cmp(&a.count)
                .then((a.key as usize).cmp(&(b.key as usize)))
        });
        let mut by_country: Vec<Tally<String>> = countries
            .into_iter()
            .map(|(key, count)| Tally { key, count })
            .collect();
        crate::sort::sort_by(&mut by_country, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key))
        });
        let by_year = years
            .into_iter()
            .map(|(key, count)| Tally { key, count })
            .collect();
        OutcomeTallies {
            by_kind,
            by_country,
            by_year,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_kind.is_empty()
    }
}

/// The axis of a bar chart: a "nice" maximum (1, 2 or 5 times a power of ten)
/// at or above the largest count, and its ticks.
pub fn nice_axis(max: usize) -> (usize, Vec<usize>) {
    if max == 0 {
        return (1, vec![0, 1]);
    }
    let mut step = 1;
    loop {
        for factor in [1, 2, 5] {
            let candidate = step * factor;
            // At most five intervals.
            if candidate * 5 >= max {
                let top = max.div_ceil(candidate) * candidate;
                return (top, (0..=top / candidate).map(|i| i * candidate).collect());
            }
        }
        step *= 10;
    }
}

/// The length of a bar of `count` on an axis to `top`, for a chart `width` wide.
pub fn bar_length(count: usize, top: usize, width: f64) -> f64 {
    if top == 0 {
        return 0.0;
    }
    width * count as f64 / top as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

    #[test]
    fn outcomes_are_counted_by_kind_country_and_year() {
        let json = r#"{"format": "mapline/1", "cases": [
            {"id": "a", "person": "A", "country": "BY", "status": "open", "outcomes": [
                {"id": "a1", "date": "2011", "kind": "sentence", "headline": "x"},
                {"id": "a2", "date": "2013?", "kind": "sentence-lifted", "headline": "x"}]},
            {"id": "b", "person": "B", "country": "KZ", "status": "open", "outcomes": [
                {"id": "b1", "date": "2012-04~", "kind": "attack", "headline": "x"},
                {"id": "b2", "date": "2012/2013", "kind": "suspects-arrested", "headline": "x"},
                {"id": "b3", "date": "2013-01-05", "kind": "sentence", "headline": "x"}]}]}"#;
        let dataset = load_dataset(&[SourceFile::new("t.json", json)]).dataset;
        let tallies = OutcomeTallies::of(&dataset.cases);
        let kinds: Vec<(OutcomeKind, usize)> =
            tallies.by_kind.iter().map(|t| (t.key, t.count)).collect();
        assert_eq!(
            kinds,
            [
                (OutcomeKind::Sentence, 2),
                (OutcomeKind::Attack, 1),
                (OutcomeKind::SuspectsArrested, 1),
                (OutcomeKind::SentenceLifted, 1)
            ]
        );
        let countries: Vec<(&str, usize)> = tallies
            .by_country
            .iter()
            .map(|t| (t.key.as_str(), t.count))
            .collect();
        assert_eq!(countries, [("KZ", 3), ("BY", 2)]);
        let years: Vec<(i64, usize)> = tallies.by_year.iter().map(|t| (t.key, t.count)).collect();
        assert_eq!(years, [(2011, 1), (2012, 2), (2013, 2)]);
        let total: usize = tallies.by_kind.iter().map(|t| t.count).sum();
        assert_eq!(total, 5);
    }

    #[test]
    fn axes_end_on_nice_numbers_with_few_ticks() {
        assert_eq!(nice_axis(0), (1, vec![0, 1]));
        assert_eq!(nice_axis(1), (1, vec![0, 1]));
        assert_eq!(nice_axis(3), (3, vec![0, 1, 2, 3]));
        assert_eq!(nice_axis(7), (8, vec![0, 2, 4, 6, 8]));
        assert_eq!(nice_axis(23), (25, vec![0, 5, 10, 15, 20, 25]));
        assert_eq!(nice_axis(120), (150, vec![0, 50, 100, 150]));
        for max in 1..500 {
            let (top, ticks) = nice_axis(max);
            assert!(
                top >= max && ticks.len() <= 6 && ticks.last() == Some(&top),
                "{max}"
            );
        }
    }

    #[test]
    fn bars_scale_linearly() {
        assert_eq!(bar_length(5, 10, 200.0), 100.0);
        assert_eq!(bar_length(0, 10, 200.0), 0.0);
        assert_eq!(bar_length(3, 0, 200.0), 0.0);
    }
}
