//! Spreadsheet CSV → Mapline documents, in three templates (docs/csv-templates.md):
//! timeline events (the TimelineJS3 sheet's columns), members, and case outcomes.
//! The template is told from the header row. Problems name the CSV line and the
//! column (`row 4, column "Lat"`), and a bad row is skipped, the rest kept.

use std::collections::HashMap;

use super::html;
use super::slug;
use super::{DateParts, Importer};
use crate::model::{
    Case, CaseStatus, Coordinates, Date, Document, Era, Event, FORMAT, Media, Member, OutcomeKind,
    Region, Source, Text, Timeline, TimelineScale,
};

/// Which template a header row matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// One row per event, as in the TimelineJS3 spreadsheet.
    Timeline,
    /// One row per member organisation.
    Members,
    /// One row per dated outcome of a case.
    Outcomes,
}

/// A header, normalised: lower case, spaces and dashes as underscores.
fn key(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

pub fn detect(headers: &[String]) -> Option<Template> {
    let has = |name: &str| headers.iter().any(|h| h == name);
    if has("case_id") && has("headline") {
        Some(Template::Outcomes)
    } else if has("year") && has("headline") {
        Some(Template::Timeline)
    } else if has("name") && has("country") && has("region") {
        Some(Template::Members)
    } else {
        None
    }
}

/// One data row with its headers and its line in the file.
struct Row<'a> {
    headers: &'a [String],
    originals: &'a [String],
    record: csv::StringRecord,
    line: u32,
}

impl Row<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        let index = self.headers.iter().position(|h| h == name)?;
        self.record
            .get(index)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    fn column(&self, name: &str) -> u32 {
        self.headers
            .iter()
            .position(|h| h == name)
            .map_or(1, |i| u32::try_from(i + 1).unwrap_or(u32::MAX))
    }

    /// The path a problem in this cell is reported under.
    fn path(&self, name: &str) -> String {
        let shown = self
            .headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.originals.get(i))
            .map_or(name, |h| h.trim());
        format!("row {}, column \"{shown}\"", self.line)
    }

    fn problem(
        &self,
        importer: &mut Importer,
        name: &str,
        message: impl Into<String>,
        error: bool,
    ) {
        let path = self.path(name);
        let column = self.column(name);
        let problem = if error {
            crate::model::Problem::error(&importer.file, path, message)
        } else {
            crate::model::Problem::warning(&importer.file, path, message)
        };
        importer.problems.push(problem.at(self.line, column));
    }

    fn required(&self, importer: &mut Importer, name: &str) -> Option<String> {
        let value = self.get(name).map(str::to_owned);
        if value.is_none() {
            self.problem(
                importer,
                name,
                format!("{name} is required; row skipped"),
                true,
            );
        }
        value
    }

    fn number<T: std::str::FromStr>(
        &self,
        importer: &mut Importer,
        name: &str,
    ) -> Result<Option<T>, ()> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => text.parse().map(Some).map_err(|_| {
                self.problem(
                    importer,
                    name,
                    format!("{text:?} is not a number; row skipped"),
                    true,
                );
            }),
        }
    }

    fn date(&self, importer: &mut Importer, name: &str) -> Result<Option<Date>, ()> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => Date::parse(text).map(Some).map_err(|e| {
                self.problem(
                    importer,
                    name,
                    format!("{text:?} is not a date ({e}); row skipped"),
                    true,
                );
            }),
        }
    }

    fn text(&self, name: &str) -> Option<Text> {
        self.get(name).map(|t| Text::Plain(t.to_owned()))
    }

    fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .map(|v| {
                v.split([';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Converts a CSV file to a document; problems go to the importer.
pub fn import(importer: &mut Importer, text: &str) -> Document {
    let mut document = Document {
        format: Some(FORMAT.to_owned()),
        ..Document::default()
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let originals: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(str::to_owned).collect(),
        Err(e) => {
            importer.error("row 1", format!("not readable as CSV: {e}"));
            return document;
        }
    };
    let headers: Vec<String> = originals.iter().map(|h| key(h)).collect();
    let Some(template) = detect(&headers) else {
        importer.error(
            "row 1",
            "the header row matches no template: timeline events need Year and Headline, members Name, Country and Region, case outcomes Case ID and Headline (see docs/csv-templates.md)",
        );
        return document;
    };
    let mut rows = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
                if record.iter().all(|field| field.trim().is_empty()) {
                    continue;
                }
                rows.push(Row {
                    headers: &headers,
                    originals: &originals,
                    record,
                    line,
                });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                importer.error(
                    &format!("row {line}"),
                    format!("not readable as CSV: {e}; row skipped"),
                );
            }
        }
    }
    match template {
        Template::Timeline => document.timelines.push(timeline(importer, &rows)),
        Template::Members => {
            for row in &rows {
                if let Some(member) = member(importer, row) {
                    importer
                        .rows
                        .push((format!("members[{}]", document.members.len()), row.line));
                    document.members.push(member);
                }
            }
        }
        Template::Outcomes => document.cases = cases(importer, &rows),
    }
    document
}

fn timeline(importer: &mut Importer, rows: &[Row<'_>]) -> Timeline {
    let mut timeline = Timeline {
        id: importer.file_id(),
        title: Text::Plain(importer.file_title()),
        text: None,
        media: None,
        events: Vec::new(),
        eras: Vec::new(),
        scale: TimelineScale::Human,
        illustrative: false,
        origin: Default::default(),
    };
    for (index, row) in rows.iter().enumerate() {
        let kind = row.get("type").map(str::to_ascii_lowercase);
        let Ok(Some(date)) = sheet_date(importer, row, "") else {
            if kind.as_deref() == Some("title") {
                apply_title(&mut timeline, row);
            } else {
                row.problem(importer, "year", "a year is required; row skipped", true);
            }
            continue;
        };
        let Ok(end_date) = sheet_date(importer, row, "end_") else {
            continue;
        };
        match kind.as_deref() {
            Some("title") => apply_title(&mut timeline, row),
            Some("era") => timeline.eras.push(Era {
                date,
                end_date,
                headline: Text::Plain(
                    row.get("headline")
                        .map(html::to_plain_text)
                        .unwrap_or_default(),
                ),
            }),
            _ => {
                let Some(headline) = row.required(importer, "headline") else {
                    continue;
                };
                let media = row.get("media").map(|url| Media {
                    url: url.to_owned(),
                    kind: None,
                    alt: row
                        .text("media_caption")
                        .or_else(|| Some(Text::Plain(headline.clone()))),
                    caption: row.text("media_caption"),
                    credit: row.text("media_credit"),
                    width: None,
                    height: None,
                    thumbnail: row.get("media_thumbnail").map(str::to_owned),
                    title: None,
                    link: None,
                });
                importer.rows.push((
                    format!("timelines[0].events[{}]", timeline.events.len()),
                    row.line,
                ));
                timeline.events.push(Event {
                    id: row
                        .get("id")
                        .map_or_else(|| importer.generated_id("event", index + 1), slug),
                    date,
                    end_date,
                    display_date: row.text("display_date"),
                    kind: None,
                    headline: Text::Plain(html::to_plain_text(&headline)),
                    text: row.get("text").map(|t| Text::Plain(html::to_markdown(t))),
                    group: row.text("group"),
                    place: None,
                    media,
                    sources: Vec::new(),
                    background: row.get("background").map(|b| {
                        if b.starts_with('#') {
                            crate::model::Background {
                                url: None,
                                color: Some(b.to_ascii_lowercase()),
                            }
                        } else {
                            crate::model::Background {
                                url: Some(b.to_owned()),
                                color: None,
                            }
                        }
                    }),
                    illustrative: false,
                });
            }
        }
    }
    timeline
}

fn apply_title(timeline: &mut Timeline, row: &Row<'_>) {
    if let Some(headline) = row.get("headline") {
        timeline.title = Text::Plain(html::to_plain_text(headline));
    }
    timeline.text = row.get("text").map(|t| Text::Plain(html::to_markdown(t)));
}

/// The sheet's Year, Month, Day and Time columns (or End Year…) as a date.
fn sheet_date(importer: &mut Importer, row: &Row<'_>, prefix: &str) -> Result<Option<Date>, ()> {
    let year_column = format!("{prefix}year");
    let Some(year) = row.number::<i64>(importer, &year_column)? else {
        return Ok(None);
    };
    let month = row.number::<i64>(importer, &format!("{prefix}month"))?;
    let day = row.number::<i64>(importer, &format!("{prefix}day"))?;
    let (hour, minute) = match row.get(&format!("{prefix}time")) {
        Some(time) => {
            let mut parts = time.split(':').map(|p| p.trim().parse::<i64>().ok());
            (parts.next().flatten(), parts.next().flatten())
        }
        None => (None, None),
    };
    let edtf = DateParts {
        year,
        month,
        day,
        hour,
        minute,
        second: None,
    }
    .edtf();
    Date::parse(&edtf).map(Some).map_err(|e| {
        row.problem(
            importer,
            &year_column,
            format!("{edtf} is not a date ({e}); row skipped"),
            true,
        );
    })
}

fn member(importer: &mut Importer, row: &Row<'_>) -> Option<Member> {
    let name = row.required(importer, "name")?;
    let country = row.required(importer, "country")?.to_ascii_uppercase();
    let region_text = row.required(importer, "region")?;
    let Ok(region) = serde_json::from_value::<Region>(serde_json::Value::String(
        region_text.to_ascii_lowercase(),
    )) else {
        row.problem(
            importer,
            "region",
            format!("{region_text:?} is not a region (africa, americas, asia-pacific, europe-central-asia, mena); row skipped"),
            true,
        );
        return None;
    };
    let lat = row.number::<f64>(importer, "lat").ok()?;
    let lon = row.number::<f64>(importer, "lon").ok()?;
    let joined = row.number::<i32>(importer, "joined").ok()?;
    Some(Member {
        id: row.get("id").map_or_else(|| slug(&name), str::to_owned),
        name: Text::Plain(name),
        country,
        city: row.text("city"),
        coordinates: lat.zip(lon).map(|(lat, lon)| Coordinates {
            lat,
            lon,
            from_country: false,
        }),
        region,
        alliances: row.list("alliances"),
        website: row.get("website").map(str::to_owned),
        joined,
        description: row.text("description"),
        logo: None,
        illustrative: row
            .get("illustrative")
            .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "yes" | "true" | "1")),
        origin: Default::default(),
    })
}

/// Rows grouped into cases by Case ID (the case's own columns from its first
/// row), each row one outcome.
fn cases(importer: &mut Importer, rows: &[Row<'_>]) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        let Some(case_id) = row.required(importer, "case_id") else {
            continue;
        };
        let position = match by_id.get(&case_id) {
            Some(&position) => position,
            None => {
                let Some(person) = row.required(importer, "person") else {
                    continue;
                };
                let Some(country) = row.required(importer, "country") else {
                    continue;
                };
                let status = match row.get("status").map(str::to_ascii_lowercase).as_deref() {
                    None | Some("open") => CaseStatus::Open,
                    Some("partly-resolved" | "partly resolved") => CaseStatus::PartlyResolved,
                    Some("resolved") => CaseStatus::Resolved,
                    Some(other) => {
                        row.problem(
                            importer,
                            "status",
                            format!(
                                "{other:?} is not open, partly-resolved or resolved; read as open"
                            ),
                            false,
                        );
                        CaseStatus::Open
                    }
                };
                importer
                    .rows
                    .push((format!("cases[{}]", cases.len()), row.line));
                cases.push(Case {
                    id: case_id.clone(),
                    person: Text::Plain(person),
                    profession: row.text("profession"),
                    country: country.to_ascii_uppercase(),
                    summary: row.text("summary"),
                    status,
                    campaigns: row.list("campaigns"),
                    members: row.list("members"),
                    place: None,
                    photo: None,
                    gallery: None,
                    outcomes: Vec::new(),
                    sources: Vec::new(),
                    illustrative: false,
                    origin: Default::default(),
                });
                by_id.insert(case_id.clone(), cases.len() - 1);
                cases.len() - 1
            }
        };
        let Some(headline) = row.required(importer, "headline") else {
            continue;
        };
        let Ok(date) = row.date(importer, "date") else {
            continue;
        };
        let Some(date) = date else {
            row.problem(importer, "date", "a date is required; row skipped", true);
            continue;
        };
        let Ok(end_date) = row.date(importer, "end_date") else {
            continue;
        };
        let kind = row.get("kind").map(|k| {
            serde_json::from_value::<OutcomeKind>(serde_json::Value::String(k.to_ascii_lowercase()))
                .unwrap_or(OutcomeKind::Other)
        });
        let outcome = Event {
            id: row
                .get("outcome_id")
                .map_or_else(|| format!("{case_id}-{}", index + 1), str::to_owned),
            date,
            end_date,
            display_date: None,
            kind,
            headline: Text::Plain(headline),
            text: row.text("text"),
            group: None,
            place: None,
            media: None,
            sources: row
                .get("source_url")
                .map(|url| Source {
                    url: url.to_owned(),
                    title: row.text("source_title"),
                })
                .into_iter()
                .collect(),
            background: None,
            illustrative: false,
        };
        if let Some(case) = cases.get_mut(position) {
            importer.rows.push((
                format!("cases[{position}].outcomes[{}]", case.outcomes.len()),
                row.line,
            ));
            case.outcomes.push(outcome);
        }
    }
    cases
}

#[cfg(test)]
mod tests {
    use crate::import::load_any;
    use crate::model::{SourceFile, has_errors};

    fn load(name: &str, csv: &str) -> crate::model::Loaded {
        load_any(&[SourceFile::new(name, csv)])
    }

    #[test]
    fn timeline_sheet_rows_become_events_eras_and_a_title() {
        let csv = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n\
            ,,,,,,,,,Impunity campaign,<p>Ten <b>years</b></p>,,,,,title,,\n\
            2011,,,,2014,,,,,Campaign years,,,,,,era,,\n\
            2012,11,2,14:30,,,,,,UN day,\"Text, with a comma\",images/un.jpg,IFEX,The hall,,,UN,#abc123\n\
            2013,12,,,,,,,,Declared,,,,,,,UN,\n";
        let loaded = load("sheet.csv", csv);
        assert!(!has_errors(&loaded.problems), "{:?}", loaded.problems);
        let timeline = &loaded.dataset.timelines[0];
        assert_eq!(timeline.title.resolve("en"), "Impunity campaign");
        assert_eq!(
            timeline.text.as_ref().map(|t| t.resolve("en")),
            Some("Ten **years**")
        );
        assert_eq!(timeline.eras.len(), 1);
        assert_eq!(timeline.events.len(), 2);
        assert_eq!(timeline.events[0].date.to_string(), "2012-11-02T14:30");
        assert_eq!(
            timeline.events[0].text.as_ref().map(|t| t.resolve("en")),
            Some("Text, with a comma")
        );
        assert_eq!(timeline.events[1].date.to_string(), "2013-12");
        assert_eq!(
            timeline.events[0]
                .background
                .as_ref()
                .and_then(|b| b.color.as_deref()),
            Some("#abc123")
        );
    }

    #[test]
    fn member_rows_become_members_and_bad_cells_are_located() {
        let csv = "ID,Name,Country,City,Lat,Lon,Region,Alliances,Website,Joined,Description\n\
            kestrel,Kestrel Desk,GH,Accra,5.6,-0.19,africa,afex,https://example.org/k,2001,A desk\n\
            bad-lat,Bad Lat,GH,Accra,north,-0.19,africa,,,,\n\
            bad-region,Bad Region,GH,,,,atlantis,,,,\n";
        let loaded = load("members.csv", csv);
        assert_eq!(loaded.dataset.members.len(), 1);
        let member = &loaded.dataset.members[0];
        assert_eq!(
            (member.id.as_str(), member.country.as_str()),
            ("kestrel", "GH")
        );
        assert_eq!(member.alliances, ["afex"]);
        let messages: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert!(
            messages.iter().any(|m| m
                .starts_with("members.csv:3:5: row 3, column \"Lat\": \"north\" is not a number")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("members.csv:4:7: row 4, column \"Region\"")),
            "{messages:?}"
        );
        // The dangling alliance is the validator's to report, at the CSV row.
        assert!(
            messages.iter().any(|m| m
                .starts_with("members.csv:2:1: row 2 (members[0].alliances[0]): ")
                && m.contains("afex")),
            "{messages:?}"
        );
    }

    #[test]
    fn outcome_rows_group_into_cases() {
        let csv = "Case ID,Person,Profession,Country,Status,Campaigns,Outcome ID,Date,End Date,Kind,Headline,Text,Source URL,Source Title\n\
            khalip,Iryna Khalip,journalist,BY,partly-resolved,,khalip-sentence,2011-05,,sentence,Sentenced,,https://example.org/a,Report\n\
            khalip,,,,,,khalip-lifted,2013?,,sentence-lifted,Sentence lifted,,,\n\
            wundi,Tuver Wundi,journalist,CD,open,,,2012,,threat,Threatened,,,\n";
        let loaded = load("outcomes.csv", csv);
        assert!(!has_errors(&loaded.problems), "{:?}", loaded.problems);
        let cases = &loaded.dataset.cases;
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].outcomes.len(), 2);
        assert_eq!(cases[0].outcomes[1].date.to_string(), "2013?");
        assert_eq!(cases[0].outcomes[0].sources[0].url, "https://example.org/a");
        assert_eq!(cases[1].outcomes[0].id, "wundi-3");
    }

    #[test]
    fn an_unknown_header_row_is_one_clear_problem() {
        let loaded = load("x.csv", "foo,bar\n1,2\n");
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message.contains("matches no template"));
    }

    #[test]
    fn csv_round_trips_into_normalised_json() {
        let csv = "Name,Country,Region\nA,CA,americas\n";
        let loaded = load("m.csv", csv);
        let json = serde_json::to_string(&loaded.dataset.to_document()).unwrap_or_default();
        let again = load_any(&[SourceFile::new("m.json", json)]);
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(
            again.dataset.members,
            loaded
                .dataset
                .members
                .iter()
                .cloned()
                .map(|mut m| {
                    m.origin = again.dataset.members[0].origin.clone();
                    m
                })
                .collect::<Vec<_>>()
        );
    }
}
