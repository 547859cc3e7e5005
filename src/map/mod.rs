//! The map of the network: which countries have members, and how many.
//! Pure logic here (tested natively); the view is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use std::collections::BTreeMap;

use crate::countries;
use crate::model::Dataset;

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
    let mut by_code: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for member in &dataset.members {
        by_code.entry(member.country.as_str()).or_default().0 += 1;
    }
    for case in &dataset.cases {
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
    summaries.sort_by(|a, b| a.name.cmp(&b.name));
    summaries
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
}
