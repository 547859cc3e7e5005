//! Country reference data from Natural Earth (world-atlas), generated at dev time.
//!
//! `table.rs` is written by `node scripts/gen-countries.mjs`; do not edit it by hand.
//! Each country's point is the area-weighted centroid of its largest polygon (so
//! France's lies in metropolitan France, the United States' in the lower 48),
//! moved inside the polygon where a concave shape puts the centroid outside it.
//! `bbox` is that polygon's `[west, south, east, north]`; where the polygon crosses
//! the antimeridian (Russia) `west > east`, as in GeoJSON (RFC 7946 §5.2).

mod table;

/// One country of the reference table.
#[derive(Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, uppercase.
    pub code: &'static str,
    /// ISO 3166-1 numeric.
    pub numeric: u16,
    /// Natural Earth's short English name.
    pub name: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// west, south, east, north (west > east when crossing the antimeridian).
    pub bbox: [f64; 4],
}

impl Country {
    /// Whether `(lat, lon)` lies in the bbox, honouring antimeridian crossing.
    pub fn bbox_contains(&self, lat: f64, lon: f64) -> bool {
        let [w, s, e, n] = self.bbox;
        let lon_ok = if w <= e {
            lon >= w && lon <= e
        } else {
            lon >= w || lon <= e
        };
        lat >= s && lat <= n && lon_ok
    }
}

/// The country's English name, or the code itself when it is not in the
/// table (shown as given rather than hidden).
pub fn name_or_code(code: &str) -> &str {
    by_code(code).map_or(code, |c| c.name)
}

/// The country with this ISO alpha-2 code (exact, uppercase), by binary search.
pub fn by_code(code: &str) -> Option<&'static Country> {
    table::COUNTRIES
        .binary_search_by(|c| c.code.cmp(code))
        .ok()
        .map(|i| &table::COUNTRIES[i])
}

/// Every country, sorted by code.
pub fn all() -> &'static [Country] {
    table::COUNTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_unique() {
        let t = all();
        assert!(t.len() > 200);
        for w in t.windows(2) {
            assert!(w[0].code < w[1].code, "{} !< {}", w[0].code, w[1].code);
        }
        let mut nums: Vec<u16> = t.iter().map(|c| c.numeric).collect();
        nums.sort_unstable();
        nums.dedup();
        assert_eq!(nums.len(), t.len(), "numeric codes are unique");
    }

    #[test]
    fn codes_are_two_uppercase_letters() {
        for c in all() {
            assert_eq!(c.code.len(), 2, "{}", c.code);
            assert!(c.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.code);
            assert!(!c.name.is_empty());
        }
    }

    #[test]
    fn finds_and_rejects() {
        for code in [
            "BY", "KZ", "CD", "CA", "MX", "FR", "US", "BH", "SG", "MT", "MV", "TV",
        ] {
            assert_eq!(by_code(code).map(|c| c.code), Some(code), "{code}");
        }
        assert_eq!(by_code("BY").unwrap().name, "Belarus");
        assert_eq!(by_code("KZ").unwrap().numeric, 398);
        for code in ["XX", "by", "", "B", "BYR", "XK"] {
            assert!(by_code(code).is_none(), "{code:?}");
        }
    }

    #[test]
    fn points_in_range_and_in_bbox() {
        for c in all() {
            assert!((-90.0..=90.0).contains(&c.lat), "{} lat {}", c.code, c.lat);
            assert!(
                (-180.0..=180.0).contains(&c.lon),
                "{} lon {}",
                c.code,
                c.lon
            );
            let [w, s, e, n] = c.bbox;
            assert!(s <= n, "{} bbox", c.code);
            for x in [w, e] {
                assert!((-180.0..=180.0).contains(&x), "{} bbox", c.code);
            }
            assert!(
                c.bbox_contains(c.lat, c.lon),
                "{} point outside its bbox",
                c.code
            );
        }
    }

    #[test]
    fn spot_checks() {
        let fr = by_code("FR").unwrap();
        assert!(
            (41.0..=51.0).contains(&fr.lat) && (-5.0..=10.0).contains(&fr.lon),
            "FR {fr:?}"
        );
        let us = by_code("US").unwrap();
        assert!(
            (25.0..=49.5).contains(&us.lat) && (-125.0..=-67.0).contains(&us.lon),
            "US {us:?}"
        );
        let ru = by_code("RU").unwrap();
        assert!(
            ru.bbox[0] > ru.bbox[2],
            "Russia's mainland crosses the antimeridian"
        );
        assert!(ru.bbox_contains(ru.lat, ru.lon) && ru.bbox_contains(65.0, 179.9));
        let fj = by_code("FJ").unwrap();
        assert!(
            (-19.0..=-16.0).contains(&fj.lat) && fj.lon > 177.0,
            "FJ {fj:?}"
        );
        let by = by_code("BY").unwrap();
        assert!((51.0..=56.5).contains(&by.lat) && (23.0..=33.0).contains(&by.lon));
    }
}
