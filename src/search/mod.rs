//! Search across members, cases, campaigns and stories: names, countries,
//! headlines and text, in every language present, matched without regard to
//! case or accents ("lucia" finds "Lucía"). Pure Rust, tested natively; the
//! header's search box is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::countries;
use crate::model::{Dataset, Text, markdown};
use crate::route::Route;

/// What a result is, which decides its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Case,
    Member,
    Campaign,
    Story,
}

impl Kind {
    /// The page of a record of this kind.
    pub fn route(self, id: &str) -> Route<'_> {
        match self {
            Kind::Case => Route::Case(id),
            Kind::Member => Route::Member(id),
            Kind::Campaign => Route::Campaign(id),
            Kind::Story => Route::Story(id),
        }
    }
}

/// One searchable record.
#[derive(Clone, Debug)]
struct Entry {
    kind: Kind,
    id: String,
    title: Text,
    /// Every language of the title, folded.
    folded_title: String,
    /// Titles, countries and texts in every language, folded, space separated.
    folded_all: String,
}

/// A match, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    pub title: Text,
}

/// The search index of a dataset.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Applied to text and queries before folding: the browser's Unicode
    /// decomposition (NFD) in the app, so every accent and Arabic vowel mark is
    /// a mark [`fold`] drops; natively nothing.
    decompose: fn(&str) -> String,
}

impl Default for SearchIndex {
    fn default() -> Self {
        SearchIndex {
            entries: Vec::new(),
            decompose: str::to_owned,
        }
    }
}

fn push_text(out: &mut String, text: Option<&Text>) {
    if let Some(text) = text {
        for variant in text.variants() {
            out.push(' ');
            out.push_str(&markdown::plain_text(&markdown::parse(variant)));
        }
    }
}

/// A country's English name and its code: what the index holds for a
/// record's country natively. The browser adds the names in every interface
/// language (`search::view`).
pub fn country_words(code: &str) -> String {
    countries::by_code(code).map_or_else(|| code.to_owned(), |c| format!("{} {code}", c.name))
}

impl SearchIndex {
    pub fn build(dataset: &Dataset) -> SearchIndex {
        SearchIndex::build_with(dataset, str::to_owned, &country_words)
    }

    /// The index, with `decompose` applied to every text and query before
    /// folding, and `country_words` giving the words a country code is found by.
    pub fn build_with(
        dataset: &Dataset,
        decompose: fn(&str) -> String,
        country_words: &dyn Fn(&str) -> String,
    ) -> SearchIndex {
        let fold = |text: &str| fold(&decompose(text));
        let mut entries = Vec::new();
        let mut add = |kind: Kind, id: &str, title: &Text, rest: String| {
            let mut titles = String::new();
            push_text(&mut titles, Some(title));
            entries.push(Entry {
                kind,
                id: id.to_owned(),
                title: title.clone(),
                folded_title: fold(&titles),
                folded_all: fold(&format!("{titles} {rest}")),
            });
        };
        for case in &dataset.cases {
            let mut rest = country_words(&case.country);
            push_text(&mut rest, case.profession.as_ref());
            push_text(&mut rest, case.summary.as_ref());
            for outcome in &case.outcomes {
                push_text(&mut rest, Some(&outcome.headline));
                push_text(&mut rest, outcome.text.as_ref());
            }
            add(Kind::Case, &case.id, &case.person, rest);
        }
        for member in &dataset.members {
            let mut rest = country_words(&member.country);
            push_text(&mut rest, member.city.as_ref());
            push_text(&mut rest, member.description.as_ref());
            add(Kind::Member, &member.id, &member.name, rest);
        }
        for campaign in &dataset.campaigns {
            let mut rest = campaign.year.map(|y| y.to_string()).unwrap_or_default();
            push_text(&mut rest, campaign.description.as_ref());
            for milestone in &campaign.milestones {
                push_text(&mut rest, Some(&milestone.headline));
            }
            add(Kind::Campaign, &campaign.id, &campaign.name, rest);
        }
        for story in &dataset.stories {
            let mut rest = String::new();
            push_text(&mut rest, story.summary.as_ref());
            for slide in &story.slides {
                push_text(&mut rest, slide.headline.as_ref());
                push_text(&mut rest, slide.text.as_ref());
            }
            add(Kind::Story, &story.id, &story.title, rest);
        }
        SearchIndex { entries, decompose }
    }

    /// Records matching every word of `query`, best first: a title starting
    /// with the query, then a title with a word starting with each query word,
    /// then text containing every word; ties by kind, then title.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let folded = fold(&(self.decompose)(query));
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let phrase = words.join(" ");
        let mut scored: Vec<(u8, &Entry)> = self
            .entries
            .iter()
            .filter(|entry| words.iter().all(|w| entry.folded_all.contains(w)))
            .map(|entry| {
                let title_words = || entry.folded_title.split_whitespace();
                let rank = if entry.folded_title.trim_start().starts_with(&phrase) {
                    0
                } else if words
                    .iter()
                    .all(|w| title_words().any(|t| t.starts_with(w)))
                {
                    1
                } else {
                    2
                };
                (rank, entry)
            })
            .collect();
        crate::sort::sort_by(&mut scored, |(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then(a.kind.cmp(&b.kind))
                .then_with(|| a.folded_title.cmp(&b.folded_title))
        });
        scored
            .into_iter()
            .take(limit)
            .map(|(_, entry)| Hit {
                kind: entry.kind,
                id: entry.id.clone(),
                title: entry.title.clone(),
            })
            .collect()
    }
}

/// Lower case without accents: "Lucía Zúñiga-Kostić" → "lucia zuniga-kostic".
/// Latin letters with diacritics fold to their base letter; combining marks
/// (what NFD leaves of an accent) are dropped; Arabic loses its vowel marks
/// and tatweel, and alef with hamza or madda folds to bare alef, as Arabic
/// readers type "احمد" for "أحمد"; other scripts are only lower-cased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_dropped_mark(c) {
            continue;
        }
        match fold_char(c) {
            Some(base) => out.push_str(base),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Combining accents, Arabic harakat, Quranic marks and tatweel.
fn is_dropped_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}')
}

/// The base letters of the accented Latin letters of Latin-1, Latin
/// Extended-A and the common Vietnamese and Romanian ones.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å'
        | 'à'..='å'
        | 'Ā'
        | 'ā'
        | 'Ă'
        | 'ă'
        | 'Ą'
        | 'ą'
        | 'ạ'
        | 'ả'
        | 'ấ'
        | 'ầ'
        | 'ậ'
        | 'ắ'
        | 'ằ'
        | 'ặ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë'
        | 'è'..='ë'
        | 'Ē'
        | 'ē'
        | 'Ĕ'
        | 'ĕ'
        | 'Ė'
        | 'ė'
        | 'Ę'
        | 'ę'
        | 'Ě'
        | 'ě'
        | 'ẹ'
        | 'ẻ'
        | 'ẽ'
        | 'ế'
        | 'ề'
        | 'ệ' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï'
        | 'ì'..='ï'
        | 'Ĩ'
        | 'ĩ'
        | 'Ī'
        | 'ī'
        | 'Ĭ'
        | 'ĭ'
        | 'Į'
        | 'į'
        | 'İ'
        | 'ı'
        | 'ị'
        | 'ỉ' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö'
        | 'Ø'
        | 'ò'..='ö'
        | 'ø'
        | 'Ō'
        | 'ō'
        | 'Ŏ'
        | 'ŏ'
        | 'Ő'
        | 'ő'
        | 'Ơ'
        | 'ơ'
        | 'ọ'
        | 'ỏ'
        | 'ố'
        | 'ồ'
        | 'ộ'
        | 'ớ'
        | 'ờ'
        | 'ợ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'Ư'
        | 'ư'
        | 'ụ'
        | 'ủ'
        | 'ứ'
        | 'ừ'
        | 'ự' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        'Þ' | 'þ' => "th",
        'آ' | 'أ' | 'إ' | 'ٱ' => "ا",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

    fn index() -> SearchIndex {
        let json = r#"{"format": "mapline/1",
            "members": [{"id": "adil", "name": "Adil Soz", "country": "KZ", "region": "europe-central-asia",
                         "description": "Defends journalists in Almaty"},
                        {"id": "fr-member", "name": {"en": "Writers' Circle", "fr": "Cercle des écrivains"},
                         "country": "FR", "region": "europe-central-asia"}],
            "cases": [{"id": "lucia", "person": "Lucía Arredondo Vela", "country": "MX", "status": "open",
                       "summary": "A *reporter* threatened",
                       "outcomes": [{"id": "o1", "date": "2013", "kind": "threat", "headline": "Threats reported"}]},
                      {"id": "luqpan", "person": "Luqpan Akhmedyarov", "country": "KZ", "status": "partly-resolved"}],
            "campaigns": [{"id": "idei-2012", "name": "Campaign to end impunity 2012", "year": 2012}],
            "stories": [{"id": "s", "title": "Ending impunity", "slides": [{"id": "a", "headline": "Almaty"}]}]}"#;
        SearchIndex::build(&load_dataset(&[SourceFile::new("t.json", json)]).dataset)
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(
            fold("Lucía Zúñiga-Kostić ŒUVRE"),
            "lucia zuniga-kostic oeuvre"
        );
        assert_eq!(fold("Straße Łódź"), "strasse lodz");
        assert_eq!(fold("Тест العربية"), "тест العربية");
        // Arabic: vowel marks, shadda and tatweel go; hamza on alef folds to alef.
        assert_eq!(fold("أَحْمَد مُحَمَّـد"), "احمد محمد");
        assert_eq!(fold("إسلام آمنة"), "اسلام امنة");
        // What the browser's NFD leaves of accents (a base letter and marks) folds the same.
        assert_eq!(fold("Luci\u{0301}a"), "lucia");
    }

    #[test]
    fn a_person_is_found_by_a_name_typed_without_accents() {
        let index = index();
        assert_eq!(ids(&index.search("lucia", 10)), ["lucia"]);
        assert_eq!(ids(&index.search("LUCÍA arredondo", 10)), ["lucia"]);
        assert_eq!(index.search("lucia", 10)[0].kind, Kind::Case);
    }

    #[test]
    fn every_language_and_field_is_searched() {
        let index = index();
        assert_eq!(ids(&index.search("ecrivains", 10)), ["fr-member"]);
        assert_eq!(
            ids(&index.search("reporter", 10)),
            ["lucia"],
            "Markdown is searched as text"
        );
        assert_eq!(
            ids(&index.search("threats", 10)),
            ["lucia"],
            "outcome headlines"
        );
        assert_eq!(ids(&index.search("mexico", 10)), ["lucia"], "country names");
    }

    /// A reader searching in French or Arabic finds records by the country's
    /// name in that language (the browser gives the names; here, a table).
    #[test]
    fn countries_are_found_by_the_names_given() {
        let json = r#"{"format": "mapline/1",
            "cases": [{"id": "lucia", "person": "Lucía Arredondo Vela", "country": "MX", "status": "open"}]}"#;
        let dataset = load_dataset(&[SourceFile::new("t.json", json)]).dataset;
        let names = |code: &str| match code {
            "MX" => "Mexico Mexique México المكسيك MX".to_owned(),
            other => other.to_owned(),
        };
        let index = SearchIndex::build_with(&dataset, str::to_owned, &names);
        assert_eq!(ids(&index.search("mexique", 10)), ["lucia"]);
        assert_eq!(ids(&index.search("المكسيك", 10)), ["lucia"]);
        assert!(
            SearchIndex::build(&dataset)
                .search("mexique", 10)
                .is_empty()
        );
    }

    #[test]
    fn titles_rank_before_text_and_kinds_in_order() {
        let index = index();
        // "Almaty" is in a member's description and a story's slide: neither is a title.
        assert_eq!(ids(&index.search("almaty", 10)), ["adil", "s"]);
        // "impunity" is a word of both titles: the campaign comes first by kind.
        assert_eq!(ids(&index.search("impunity", 10)), ["idei-2012", "s"]);
        // A title starting with the query beats one that only holds it.
        assert_eq!(ids(&index.search("ending imp", 10)), ["s"]);
        assert_eq!(ids(&index.search("campaign", 10)), ["idei-2012"]);
        // Kazakhstan: the case before the member (same rank).
        assert_eq!(ids(&index.search("kazakhstan", 10)), ["luqpan", "adil"]);
    }

    #[test]
    fn all_words_must_match_and_blank_finds_nothing() {
        let index = index();
        assert!(index.search("lucia kazakhstan", 10).is_empty());
        assert!(index.search("   ", 10).is_empty());
        assert_eq!(index.search("a", 2).len(), 2, "the limit holds");
    }

    #[test]
    fn paths_per_kind() {
        assert_eq!(Kind::Case.route("x").path(), "/cases/x");
        assert_eq!(Kind::Story.route("y").path(), "/stories/y");
    }
}
