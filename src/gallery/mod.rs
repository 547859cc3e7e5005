//! Photo galleries. Pure logic here (tested natively); the view is in `view.rs`.

pub mod gesture;
#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::model::Photo;

/// The proportions assumed for a photo whose width or height is missing or zero (3:2).
pub const FALLBACK_RATIO: f64 = 1.5;
/// Ratios are clamped to this range so a panorama or a sliver stays usable in the
/// grid (the image is cropped to its box with `object-fit: cover`).
pub const MIN_RATIO: f64 = 0.25;
pub const MAX_RATIO: f64 = 4.0;

/// A photo's width / height from the data, clamped to [`MIN_RATIO`]…[`MAX_RATIO`];
/// [`FALLBACK_RATIO`] when either is missing or zero.
pub fn aspect_ratio(width: Option<u32>, height: Option<u32>) -> f64 {
    match (width, height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => {
            (f64::from(w) / f64::from(h)).clamp(MIN_RATIO, MAX_RATIO)
        }
        _ => FALLBACK_RATIO,
    }
}

/// The numbers of one tile of the justified grid. Tiles are flex items of a
/// wrapping row: each grows in proportion to its aspect ratio from a basis of
/// ratio × the target row height, so every tile of a row is scaled by the same
/// factor and the row keeps one height while filling the width; the box's
/// `aspect-ratio` reserves its height before the image loads (no layout shift).
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    /// width / height of the box.
    pub ratio: f64,
    /// `flex-grow`: the ratio scaled to keep precision in CSS.
    pub grow: f64,
}

impl Tile {
    pub fn of(photo: &Photo) -> Tile {
        let ratio = aspect_ratio(photo.width, photo.height);
        Tile {
            ratio,
            grow: ratio * 100.0,
        }
    }

    /// `flex-grow`.
    pub fn flex_grow(&self) -> String {
        css_number(self.grow)
    }

    /// `flex-basis`: ratio × the target row height (the CSS variable
    /// `--gallery-row`, set per viewport width in gallery.css).
    pub fn flex_basis(&self) -> String {
        format!("calc(var(--gallery-row) * {})", css_number(self.ratio))
    }

    /// The basis in pixels for a given row height (what the CSS computes).
    pub fn basis_px(&self, row_height: f64) -> f64 {
        self.ratio * row_height
    }

    /// `aspect-ratio`.
    pub fn css_aspect_ratio(&self) -> String {
        css_number(self.ratio)
    }

    /// The tile's inline style: `flex-grow`, `flex-basis` and `aspect-ratio`.
    pub fn style(&self) -> String {
        format!(
            "flex-grow:{};flex-basis:{};aspect-ratio:{}",
            self.flex_grow(),
            self.flex_basis(),
            self.css_aspect_ratio()
        )
    }
}

/// Target row heights of the grid in CSS pixels (gallery.css sets
/// `--gallery-row` to these: the first up to 40rem wide, the second above).
pub const ROW_HEIGHT_NARROW: f64 = 140.0;
pub const ROW_HEIGHT_WIDE: f64 = 220.0;

/// The `sizes` attribute of a thumbnail: its basis width at each row height,
/// with head-room for rows stretched to fill the width.
pub fn thumb_sizes(ratio: f64) -> String {
    let width = |row: f64| (ratio * row * 1.5).ceil();
    format!(
        "(max-width: 40rem) {}px, {}px",
        css_number(width(ROW_HEIGHT_NARROW)),
        css_number(width(ROW_HEIGHT_WIDE))
    )
}

/// A finite number with at most four decimals, without trailing zeros.
fn css_number(value: f64) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Lays photos out in justified rows as the CSS does (for tests and for
/// reasoning about it): greedy rows of tiles at `row_height`, each full row
/// scaled to `width` (gaps of `gap` between tiles); the last row keeps the target
/// height. Returns each row's tile indices and height.
pub fn justify(ratios: &[f64], width: f64, row_height: f64, gap: f64) -> Vec<(Vec<usize>, f64)> {
    let mut rows = Vec::new();
    let mut row: Vec<usize> = Vec::new();
    let mut row_width = 0.0;
    for (i, ratio) in ratios.iter().enumerate() {
        let basis = ratio * row_height;
        let needed = if row.is_empty() {
            basis
        } else {
            row_width + gap + basis
        };
        if !row.is_empty() && needed > width {
            rows.push(finish_row(std::mem::take(&mut row), ratios, width, gap));
            row_width = basis;
        } else {
            row_width = needed;
        }
        row.push(i);
    }
    if !row.is_empty() {
        let sum: f64 = row.iter().filter_map(|&i| ratios.get(i)).sum();
        let gaps = gap * (row.len().saturating_sub(1)) as f64;
        // The last row does not stretch, but never overflows.
        let height = row_height.min((width - gaps) / sum);
        rows.push((row, height));
    }
    rows
}

fn finish_row(row: Vec<usize>, ratios: &[f64], width: f64, gap: f64) -> (Vec<usize>, f64) {
    let sum: f64 = row.iter().filter_map(|&i| ratios.get(i)).sum();
    let gaps = gap * (row.len().saturating_sub(1)) as f64;
    let height = if sum > 0.0 { (width - gaps) / sum } else { 0.0 };
    (row, height)
}

/// The position of `index` moved by `step` in a gallery of `len` photos,
/// wrapping around at both ends. `None` for an empty gallery.
pub fn step_index(index: usize, step: isize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let len = len as isize;
    let index = (index as isize).rem_euclid(len);
    Some((index + step).rem_euclid(len) as usize)
}

/// The indices of the photos to preload around `index`: the next and the
/// previous (once each, never `index` itself).
pub fn neighbours(index: usize, len: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for step in [1, -1] {
        if let Some(i) = step_index(index, step, len)
            && i != index
            && !out.contains(&i)
        {
            out.push(i);
        }
    }
    out
}

/// Where a horizontal swipe goes: `Some(1)` for the next photo, `Some(-1)` for
/// the previous, `None` when the gesture is too short or mostly vertical. In a
/// right-to-left layout, swiping to the right shows the next photo.
pub fn swipe_step(dx: f64, dy: f64, rtl: bool) -> Option<isize> {
    const MIN_DISTANCE: f64 = 40.0;
    if !dx.is_finite() || !dy.is_finite() || dx.abs() < MIN_DISTANCE || dx.abs() < dy.abs() * 1.5 {
        return None;
    }
    let towards_start = dx < 0.0; // finger moved left
    Some(if towards_start != rtl { 1 } else { -1 })
}

/// The step of an arrow key: ArrowRight is next in a left-to-right layout,
/// previous in a right-to-left one.
pub fn key_step(key: &str, rtl: bool) -> Option<isize> {
    let forward = if rtl { -1 } else { 1 };
    match key {
        "ArrowRight" => Some(forward),
        "ArrowLeft" => Some(-forward),
        _ => None,
    }
}

/// Zoom limits of the lightbox.
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 4.0;
/// The zoom a double tap toggles to.
pub const DOUBLE_TAP_ZOOM: f64 = 2.5;

/// The zoom after a pinch from `start_distance` to `distance` beginning at `start_zoom`.
pub fn pinch_zoom(start_zoom: f64, start_distance: f64, distance: f64) -> f64 {
    if start_distance.is_nan()
        || start_distance <= 1.0
        || !distance.is_finite()
        || !start_zoom.is_finite()
    {
        return start_zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    }
    (start_zoom * distance / start_distance).clamp(MIN_ZOOM, MAX_ZOOM)
}

/// The zoom after a double tap: in when at rest, back to 1 otherwise.
pub fn double_tap_zoom(zoom: f64) -> f64 {
    if zoom > MIN_ZOOM + 0.01 {
        MIN_ZOOM
    } else {
        DOUBLE_TAP_ZOOM
    }
}

/// Keeps a pan offset within what the zoomed image can move (half the overflow
/// on each side) for a box of `size` at `zoom`.
pub fn clamp_pan(offset: f64, size: f64, zoom: f64) -> f64 {
    let limit = (size * (zoom - 1.0) / 2.0).max(0.0);
    if offset.is_finite() {
        offset.clamp(-limit, limit)
    } else {
        0.0
    }
}

/// The `srcset` of a photo: its smaller sizes and the full image, by width.
/// `None` when the data gives no sizes (or no width for the full image).
pub fn srcset(photo: &Photo) -> Option<String> {
    if photo.sizes.is_empty() {
        return None;
    }
    let mut candidates: Vec<(u32, &str)> = photo
        .sizes
        .iter()
        .map(|size| (size.width, size.url.as_str()))
        .collect();
    if let Some(width) = photo.width {
        candidates.push((width, photo.url.as_str()));
    }
    crate::sort::sort_by_key(&mut candidates, |(width, _)| *width);
    candidates.dedup_by_key(|(width, _)| *width);
    Some(
        candidates
            .iter()
            .map(|(width, url)| format!("{} {width}w", url.replace(' ', "%20").replace(',', "%2C")))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PhotoSize;

    fn photo(sizes: Vec<PhotoSize>, width: Option<u32>) -> Photo {
        Photo {
            id: "p".into(),
            url: "images/p.jpg".into(),
            width,
            height: Some(800),
            alt: Some("A photo".into()),
            caption: None,
            credit: None,
            date: None,
            place: None,
            sizes,
            illustrative: false,
        }
    }

    #[test]
    fn srcset_lists_every_width_once_smallest_first() {
        let sizes = vec![PhotoSize {
            url: "images/p-480.jpg".into(),
            width: 480,
        }];
        assert_eq!(
            srcset(&photo(sizes, Some(1200))).as_deref(),
            Some("images/p-480.jpg 480w, images/p.jpg 1200w")
        );
    }

    #[test]
    fn srcset_escapes_separators_in_urls() {
        let sizes = vec![PhotoSize {
            url: "images/a b,c.jpg".into(),
            width: 300,
        }];
        assert_eq!(
            srcset(&photo(sizes, None)).as_deref(),
            Some("images/a%20b%2Cc.jpg 300w")
        );
    }

    #[test]
    fn no_sizes_no_srcset() {
        assert_eq!(srcset(&photo(vec![], Some(1200))), None);
    }

    #[test]
    fn ratio_comes_from_width_and_height() {
        assert_eq!(aspect_ratio(Some(1200), Some(800)), 1.5);
        assert_eq!(aspect_ratio(Some(800), Some(1200)), 800.0 / 1200.0);
        assert_eq!(aspect_ratio(Some(1000), Some(1000)), 1.0);
    }

    #[test]
    fn missing_or_zero_sizes_fall_back_to_three_by_two() {
        for (w, h) in [
            (None, None),
            (Some(1200), None),
            (None, Some(800)),
            (Some(0), Some(800)),
            (Some(1200), Some(0)),
        ] {
            assert_eq!(aspect_ratio(w, h), FALLBACK_RATIO, "{w:?} x {h:?}");
        }
    }

    #[test]
    fn extreme_ratios_are_clamped() {
        assert_eq!(aspect_ratio(Some(10_000), Some(1)), MAX_RATIO);
        assert_eq!(aspect_ratio(Some(1), Some(10_000)), MIN_RATIO);
        assert_eq!(aspect_ratio(Some(u32::MAX), Some(1)), MAX_RATIO);
    }

    #[test]
    fn tile_css_numbers() {
        let tile = Tile::of(&photo(vec![], Some(1200)));
        assert_eq!(tile.css_aspect_ratio(), "1.5");
        assert_eq!(tile.flex_grow(), "150");
        assert_eq!(tile.flex_basis(), "calc(var(--gallery-row) * 1.5)");
        assert_eq!(tile.basis_px(200.0), 300.0);
        assert_eq!(
            tile.style(),
            "flex-grow:150;flex-basis:calc(var(--gallery-row) * 1.5);aspect-ratio:1.5"
        );
        let mut tall = photo(vec![], Some(900));
        tall.height = Some(1200);
        let tall = Tile::of(&tall);
        assert_eq!(tall.css_aspect_ratio(), "0.75");
        assert_eq!(tall.flex_grow(), "75");
        let mut third = photo(vec![], Some(1));
        third.height = Some(3);
        assert_eq!(Tile::of(&third).css_aspect_ratio(), "0.3333");
        let mut none = photo(vec![], None);
        none.height = None;
        assert_eq!(Tile::of(&none).css_aspect_ratio(), "1.5");
    }

    #[test]
    fn css_numbers_are_finite_and_short() {
        assert_eq!(css_number(f64::NAN), "0");
        assert_eq!(css_number(f64::INFINITY), "0");
        assert_eq!(css_number(2.0), "2");
        assert_eq!(css_number(0.00001), "0");
    }

    #[test]
    fn growing_in_proportion_to_ratio_keeps_one_height_per_row() {
        // Flexbox gives each tile basis + free × grow / Σgrow; with grow ∝ basis
        // every tile scales by the same factor, so the heights are equal.
        let ratios = [1.5, 16.0 / 9.0, 2.0 / 3.0];
        let row_height = 200.0;
        let width = 1000.0;
        let bases: Vec<f64> = ratios.iter().map(|r| r * row_height).collect();
        let free = width - bases.iter().sum::<f64>();
        let grow_sum: f64 = ratios.iter().map(|r| r * 100.0).sum();
        let heights: Vec<f64> = ratios
            .iter()
            .zip(&bases)
            .map(|(r, b)| (b + free * r * 100.0 / grow_sum) / r)
            .collect();
        for h in &heights {
            assert!((h - heights[0]).abs() < 1e-9, "{heights:?}");
        }
        let total: f64 = heights.iter().zip(&ratios).map(|(h, r)| h * r).sum();
        assert!((total - width).abs() < 1e-9);
    }

    #[test]
    fn justified_rows_fill_the_width_and_keep_ratios() {
        // The nine photos of the sample gallery "impunity-campaign".
        let ratios: Vec<f64> = [
            (1200, 800),
            (1200, 675),
            (800, 1200),
            (1200, 800),
            (1000, 1000),
            (1200, 900),
            (1000, 1000),
            (900, 1200),
            (1200, 700),
        ]
        .iter()
        .map(|&(w, h)| aspect_ratio(Some(w), Some(h)))
        .collect();
        let (width, gap) = (1000.0, 8.0);
        let rows = justify(&ratios, width, 200.0, gap);
        let placed: Vec<usize> = rows.iter().flat_map(|(r, _)| r.clone()).collect();
        assert_eq!(
            placed,
            (0..9).collect::<Vec<_>>(),
            "every photo once, in order"
        );
        let (last, full) = rows.split_last().expect("rows");
        for (row, height) in full {
            let used: f64 =
                row.iter().map(|&i| ratios[i] * height).sum::<f64>() + gap * (row.len() - 1) as f64;
            assert!(
                (used - width).abs() < 1e-6,
                "a full row fills the width: {used}"
            );
            assert!(
                *height >= 200.0 * 0.5 && *height <= 200.0 * 2.0,
                "height stays near the target: {height}"
            );
        }
        assert!(last.1 <= 200.0);
        // On a 390 px phone the rows are lower but still full.
        for (row, height) in justify(&ratios, 358.0, 140.0, gap)
            .split_last()
            .expect("rows")
            .1
        {
            let used: f64 =
                row.iter().map(|&i| ratios[i] * height).sum::<f64>() + gap * (row.len() - 1) as f64;
            assert!((used - 358.0).abs() < 1e-6);
        }
    }

    #[test]
    fn a_panorama_wider_than_the_row_gets_a_row_of_its_own() {
        let rows = justify(&[1.0, 4.0, 1.0], 300.0, 200.0, 0.0);
        assert_eq!(
            rows.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
            vec![vec![0], vec![1], vec![2]]
        );
        assert_eq!(rows[1].1, 75.0);
        assert!(justify(&[], 300.0, 200.0, 0.0).is_empty());
    }

    #[test]
    fn stepping_wraps_around() {
        assert_eq!(step_index(0, 1, 9), Some(1));
        assert_eq!(step_index(8, 1, 9), Some(0));
        assert_eq!(step_index(0, -1, 9), Some(8));
        assert_eq!(step_index(20, 0, 9), Some(2));
        assert_eq!(step_index(0, 1, 0), None);
        assert_eq!(neighbours(0, 9), vec![1, 8]);
        assert_eq!(neighbours(0, 2), vec![1]);
        assert_eq!(neighbours(0, 1), Vec::<usize>::new());
    }

    #[test]
    fn arrows_and_swipes_mirror_under_rtl() {
        assert_eq!(key_step("ArrowRight", false), Some(1));
        assert_eq!(key_step("ArrowLeft", false), Some(-1));
        assert_eq!(key_step("ArrowRight", true), Some(-1));
        assert_eq!(key_step("ArrowLeft", true), Some(1));
        assert_eq!(key_step("Enter", false), None);
        assert_eq!(swipe_step(-120.0, 10.0, false), Some(1));
        assert_eq!(swipe_step(120.0, 10.0, false), Some(-1));
        assert_eq!(swipe_step(-120.0, 10.0, true), Some(-1));
        assert_eq!(swipe_step(120.0, 10.0, true), Some(1));
        assert_eq!(swipe_step(-20.0, 0.0, false), None, "too short");
        assert_eq!(swipe_step(-80.0, 90.0, false), None, "mostly vertical");
        assert_eq!(swipe_step(f64::NAN, 0.0, false), None);
    }

    #[test]
    fn zoom_stays_within_limits() {
        assert_eq!(pinch_zoom(1.0, 100.0, 200.0), 2.0);
        assert_eq!(pinch_zoom(2.0, 100.0, 1000.0), MAX_ZOOM);
        assert_eq!(pinch_zoom(1.0, 100.0, 10.0), MIN_ZOOM);
        assert_eq!(pinch_zoom(1.5, 0.0, 100.0), 1.5, "no division by zero");
        assert_eq!(double_tap_zoom(1.0), DOUBLE_TAP_ZOOM);
        assert_eq!(double_tap_zoom(2.0), 1.0);
        assert_eq!(clamp_pan(500.0, 400.0, 2.0), 200.0);
        assert_eq!(clamp_pan(-500.0, 400.0, 2.0), -200.0);
        assert_eq!(clamp_pan(50.0, 400.0, 1.0), 0.0);
        assert_eq!(clamp_pan(f64::NAN, 400.0, 2.0), 0.0);
    }

    #[test]
    fn thumbnail_sizes_follow_the_row_height() {
        assert_eq!(thumb_sizes(1.5), "(max-width: 40rem) 315px, 495px");
        assert_eq!(thumb_sizes(0.75), "(max-width: 40rem) 158px, 248px");
    }
}
