//! The merged collections of a dataset, with lookups and the summary line.

use std::collections::BTreeSet;
use std::fmt;

use super::types::{
    Alliance, Basemap, Campaign, Case, Document, Event, FORMAT, Gallery, Manifest, Member, Story,
    Timeline,
};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub manifest: Option<Manifest>,
    pub alliances: Vec<Alliance>,
    pub members: Vec<Member>,
    pub cases: Vec<Case>,
    pub campaigns: Vec<Campaign>,
    pub stories: Vec<Story>,
    pub galleries: Vec<Gallery>,
    pub timelines: Vec<Timeline>,
    /// Records of kinds this build does not read (see [`Unread`]).
    pub unread: Unread,
}

/// Records of the kinds a build leaves unread (features `stories` and
/// `galleries`: the timeline and map embeds show neither), counted so the
/// page can say what the data holds and which embed shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unread {
    pub stories: usize,
    pub galleries: usize,
}

/// Counts for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub members: usize,
    /// Distinct countries of the members.
    pub member_countries: usize,
    pub cases: usize,
    pub campaigns: usize,
    pub stories: usize,
    pub galleries: usize,
    pub timelines: usize,
    /// Case outcomes.
    pub outcomes: usize,
}

// Lookups scan: collections hold about a hundred records, and a scan cannot go stale.
impl Dataset {
    pub fn alliance(&self, id: &str) -> Option<&Alliance> {
        self.alliances.iter().find(|r| r.id == id)
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|r| r.id == id)
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|r| r.id == id)
    }

    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|r| r.id == id)
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|r| r.id == id)
    }

    pub fn gallery(&self, id: &str) -> Option<&Gallery> {
        self.galleries.iter().find(|r| r.id == id)
    }

    pub fn timeline(&self, id: &str) -> Option<&Timeline> {
        self.timelines.iter().find(|r| r.id == id)
    }

    /// Whether the timeline has anything to show: a case, a campaign or a
    /// timeline document (the timeline view, its embed and the preview ask).
    /// The network's own vector basemap, when the manifest names one.
    pub fn basemap(&self) -> Option<&Basemap> {
        self.manifest.as_ref().and_then(|m| m.basemap.as_ref())
    }

    pub fn has_timeline_records(&self) -> bool {
        !(self.cases.is_empty() && self.campaigns.is_empty() && self.timelines.is_empty())
    }

    /// Any event (case outcome, campaign milestone, timeline event) by id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events().find(|e| e.id == id)
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        let outcomes = self.cases.iter().flat_map(|c| &c.outcomes);
        let milestones = self.campaigns.iter().flat_map(|c| &c.milestones);
        let timeline_events = self.timelines.iter().flat_map(|t| &t.events);
        outcomes.chain(milestones).chain(timeline_events)
    }

    pub fn members_of_alliance<'a>(
        &'a self,
        alliance_id: &'a str,
    ) -> impl Iterator<Item = &'a Member> {
        self.members
            .iter()
            .filter(move |m| m.alliances.iter().any(|a| a == alliance_id))
    }

    pub fn members_in_country<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Member> {
        self.members.iter().filter(move |m| m.country == code)
    }

    pub fn cases_in_country<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Case> {
        self.cases.iter().filter(move |c| c.country == code)
    }

    /// Cases the member worked on.
    pub fn cases_of_member<'a>(&'a self, member_id: &'a str) -> impl Iterator<Item = &'a Case> {
        self.cases
            .iter()
            .filter(move |c| c.members.iter().any(|m| m == member_id))
    }

    /// Cases naming the campaign, or featured or given a result by it.
    pub fn cases_of_campaign<'a>(&'a self, campaign_id: &'a str) -> impl Iterator<Item = &'a Case> {
        let campaign = self.campaign(campaign_id);
        self.cases.iter().filter(move |case| {
            case.campaigns.iter().any(|c| c == campaign_id)
                || campaign.is_some_and(|campaign| {
                    campaign.featured_cases.contains(&case.id)
                        || campaign.results.iter().any(|r| r.case == case.id)
                })
        })
    }

    /// Campaigns the case is part of (named by either side).
    pub fn campaigns_of_case<'a>(&'a self, case: &'a Case) -> impl Iterator<Item = &'a Campaign> {
        self.campaigns.iter().filter(move |campaign| {
            case.campaigns.contains(&campaign.id)
                || campaign.featured_cases.contains(&case.id)
                || campaign.results.iter().any(|r| r.case == case.id)
        })
    }

    /// Member countries, sorted, each once; unknown codes (already reported as
    /// problems) are not countries and are not counted.
    pub fn member_countries(&self) -> Vec<&str> {
        let countries: BTreeSet<&str> = self
            .members
            .iter()
            .map(|m| m.country.as_str())
            .filter(|code| crate::countries::by_code(code).is_some())
            .collect();
        countries.into_iter().collect()
    }

    pub fn stats(&self) -> Stats {
        Stats {
            members: self.members.len(),
            member_countries: self.member_countries().len(),
            cases: self.cases.len(),
            campaigns: self.campaigns.len(),
            stories: self.stories.len(),
            galleries: self.galleries.len(),
            timelines: self.timelines.len(),
            outcomes: self.cases.iter().map(|c| c.outcomes.len()).sum(),
        }
    }

    /// All collections as one document: the normalised form to download.
    pub fn to_document(&self) -> Document {
        Document {
            format: Some(FORMAT.to_string()),
            alliances: self.alliances.clone(),
            members: self.members.clone(),
            cases: self.cases.clone(),
            campaigns: self.campaigns.clone(),
            stories: self.stories.clone(),
            galleries: self.galleries.clone(),
            timelines: self.timelines.clone(),
        }
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Stats {
    /// `104 members in 67 countries, 23 cases, 4 campaigns, 2 stories, 2 galleries`
    /// (then `, 1 timeline` when there are timelines).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} in {}, {}, {}, {}, {}",
            count(self.members, "member", "members"),
            count(self.member_countries, "country", "countries"),
            count(self.cases, "case", "cases"),
            count(self.campaigns, "campaign", "campaigns"),
            count(self.stories, "story", "stories"),
            count(self.galleries, "gallery", "galleries"),
        )?;
        if self.timelines > 0 {
            write!(f, ", {}", count(self.timelines, "timeline", "timelines"))?;
        }
        Ok(())
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.stats().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line() {
        let stats = Stats {
            members: 104,
            member_countries: 67,
            cases: 23,
            campaigns: 4,
            stories: 2,
            galleries: 2,
            timelines: 0,
            outcomes: 40,
        };
        assert_eq!(
            stats.to_string(),
            "104 members in 67 countries, 23 cases, 4 campaigns, 2 stories, 2 galleries"
        );
        let one = Stats {
            members: 1,
            member_countries: 1,
            cases: 1,
            campaigns: 1,
            stories: 1,
            galleries: 1,
            timelines: 1,
            outcomes: 0,
        };
        assert_eq!(
            one.to_string(),
            "1 member in 1 country, 1 case, 1 campaign, 1 story, 1 gallery, 1 timeline"
        );
        assert_eq!(
            Dataset::default().to_string(),
            "0 members in 0 countries, 0 cases, 0 campaigns, 0 stories, 0 galleries"
        );
    }
}
