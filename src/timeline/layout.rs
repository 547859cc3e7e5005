//! Timeline layout maths, pure and natively tested: the viewport (zoom and pan in
//! days since 1970), tick generation that adapts to the zoom, row stacking so
//! labels never overlap, and the visible-range query that keeps the DOM small.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::i18n::Locale;
use crate::model::{Point, Precision};

/// Average Gregorian year, in days.
pub const DAYS_PER_YEAR: f64 = 365.2425;
/// The closest zoom: about one day across the view.
pub const MIN_SPAN_DAYS: f64 = 1.0;
/// The widest zoom for ordinary data: 10,000 years.
pub const MAX_SPAN_DAYS: f64 = 10_000.0 * DAYS_PER_YEAR;
/// The widest zoom for cosmological data (imported documents): 20 billion years.
pub const COSMIC_MAX_SPAN_DAYS: f64 = 20e9 * DAYS_PER_YEAR;
/// `NaiveDate::from_ymd(1970, 1, 1).num_days_from_ce()`.
const UNIX_EPOCH_DAYS_FROM_CE: f64 = 719_163.0;
/// chrono's calendar covers about ±262,000 years.
const CHRONO_MAX_ABS_YEAR: i64 = 262_000;

/// The visible stretch of time, `[start, end)` in days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
    /// The widest span zooming out may reach.
    pub max_span: f64,
}

impl Viewport {
    /// A viewport showing `[start, end)`, clamped to the zoom limits.
    pub fn new(start: f64, end: f64, max_span: f64) -> Viewport {
        let max_span = if max_span.is_finite() && max_span > MIN_SPAN_DAYS {
            max_span
        } else {
            MAX_SPAN_DAYS
        };
        let (start, end) = if start.is_finite() && end.is_finite() && end > start {
            (start, end)
        } else {
            (0.0, DAYS_PER_YEAR)
        };
        let center = (start + end) / 2.0;
        let span = (end - start).clamp(MIN_SPAN_DAYS, max_span);
        Viewport {
            start: center - span / 2.0,
            end: center + span / 2.0,
            max_span,
        }
    }

    /// A viewport showing every span in `spans` with a margin on each side; the
    /// widest zoom allowed is chosen from the data (cosmological when it needs it).
    pub fn fit(spans: impl IntoIterator<Item = (f64, f64)>) -> Viewport {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for (a, b) in spans {
            if a.is_finite() && b.is_finite() {
                lo = lo.min(a);
                hi = hi.max(b);
            }
        }
        if !(lo.is_finite() && hi.is_finite()) {
            return Viewport::new(0.0, DAYS_PER_YEAR, MAX_SPAN_DAYS);
        }
        let extent = (hi - lo).max(MIN_SPAN_DAYS);
        let max_span = if extent * 1.2 > MAX_SPAN_DAYS {
            COSMIC_MAX_SPAN_DAYS.max(extent * 1.2)
        } else {
            MAX_SPAN_DAYS
        };
        let margin = extent * 0.05;
        Viewport::new(lo - margin, hi + margin, max_span)
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day `at` where it is on screen.
    pub fn zoom(&self, factor: f64, at: f64) -> Viewport {
        if !(factor.is_finite() && factor > 0.0 && at.is_finite()) {
            return *self;
        }
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS, self.max_span);
        let fraction = ((at - self.start) / self.span()).clamp(0.0, 1.0);
        let start = at - fraction * span;
        Viewport {
            start,
            end: start + span,
            max_span: self.max_span,
        }
    }

    /// Moves the view later by `days` (earlier when negative).
    pub fn pan(&self, days: f64) -> Viewport {
        if !days.is_finite() {
            return *self;
        }
        Viewport {
            start: self.start + days,
            end: self.end + days,
            max_span: self.max_span,
        }
    }

    /// Centres the view on `day`, keeping the zoom.
    pub fn center_on(&self, day: f64) -> Viewport {
        self.pan(day - (self.start + self.end) / 2.0)
    }

    /// Pixels per day for a view `width` pixels wide.
    pub fn px_per_day(&self, width: f64) -> f64 {
        width.max(1.0) / self.span()
    }

    /// The horizontal position of `day` in a view `width` pixels wide.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) * self.px_per_day(width)
    }

    /// The day at pixel `x` in a view `width` pixels wide.
    pub fn day_at(&self, x: f64, width: f64) -> f64 {
        self.start + x / self.px_per_day(width)
    }
}

/// The unit ticks step by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Day(u32),
    Month(u32),
    Year(i64),
}

impl TickUnit {
    /// The approximate length of one step, in days.
    fn approx_days(self) -> f64 {
        match self {
            TickUnit::Day(n) => f64::from(n),
            TickUnit::Month(n) => f64::from(n) * DAYS_PER_YEAR / 12.0,
            TickUnit::Year(n) => n as f64 * DAYS_PER_YEAR,
        }
    }
}

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position in days since 1970.
    pub day: f64,
    pub label: String,
}

/// The finest unit whose ticks are at least `min_px` apart in a view `width` wide.
pub fn tick_unit(view: &Viewport, width: f64, min_px: f64) -> TickUnit {
    let ppd = view.px_per_day(width);
    let fits = |unit: TickUnit| unit.approx_days() * ppd >= min_px;
    for unit in [
        TickUnit::Day(1),
        TickUnit::Day(2),
        TickUnit::Day(7),
        TickUnit::Day(14),
        TickUnit::Month(1),
        TickUnit::Month(3),
        TickUnit::Month(6),
    ] {
        if fits(unit) {
            return unit;
        }
    }
    let mut magnitude: i64 = 1;
    loop {
        for m in [1, 2, 5] {
            let unit = TickUnit::Year(magnitude.saturating_mul(m));
            if fits(unit) || magnitude >= 100_000_000_000 {
                return unit;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// Adds a tick at `point` when it falls in `view`; false once it is past the end.
fn push_tick(out: &mut Vec<Tick>, view: &Viewport, point: &Point, locale: &dyn Locale) -> bool {
    let day = point.start_days();
    if day >= view.end {
        return false;
    }
    if day >= view.start {
        out.push(Tick {
            day,
            label: point.label_in(locale),
        });
    }
    true
}

/// The ticks of the axis for `view` in a view `width` pixels wide, at least
/// `min_px` apart, labelled at the unit's precision in the locale's language.
pub fn ticks(view: &Viewport, width: f64, min_px: f64, locale: &dyn Locale) -> Vec<Tick> {
    let unit = tick_unit(view, width, min_px);
    // Never more ticks than can be told apart, whatever the input.
    let limit = (width.max(1.0) / min_px.max(1.0)).ceil() as usize + 3;
    let mut out = Vec::new();
    match unit {
        TickUnit::Day(step) => {
            let step = f64::from(step);
            let mut day = (view.start / step).floor() * step;
            while day < view.end && out.len() < limit {
                if day >= view.start
                    && let Some(label) = day_label(day, step >= 7.0, locale)
                {
                    out.push(Tick { day, label });
                }
                day += step;
            }
        }
        TickUnit::Month(step) => {
            let (year, month) = year_month_of(view.start);
            let step = i64::from(step);
            let mut index = year.saturating_mul(12) + i64::from(month) - 1;
            index -= index.rem_euclid(step);
            while out.len() < limit {
                let point = month_point(index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
                if !push_tick(&mut out, view, &point, locale) {
                    break;
                }
                index += step;
            }
        }
        TickUnit::Year(step) => {
            let first = year_of(view.start);
            let mut year = first - first.rem_euclid(step);
            while out.len() < limit {
                if !push_tick(&mut out, view, &year_point(year), locale) {
                    break;
                }
                year = year.saturating_add(step);
            }
        }
    }
    out
}

/// The point "the year `year`" (no month or day).
pub fn year_point(year: i64) -> Point {
    Point {
        year,
        month: None,
        day: None,
        time: None,
        uncertain: false,
        approximate: false,
    }
}

fn month_point(year: i64, month: u8) -> Point {
    Point {
        month: Some(month),
        ..year_point(year)
    }
}

/// The calendar date of a day number, where chrono's calendar reaches.
fn naive_date(day: f64) -> Option<NaiveDate> {
    let from_ce = (day.floor() + UNIX_EPOCH_DAYS_FROM_CE).clamp(i32::MIN as f64, i32::MAX as f64);
    NaiveDate::from_num_days_from_ce_opt(from_ce as i32)
}

/// The (astronomical) year a day falls in; approximate beyond chrono's calendar.
pub fn year_of(day: f64) -> i64 {
    match naive_date(day) {
        Some(date) if i64::from(date.year()).abs() < CHRONO_MAX_ABS_YEAR => i64::from(date.year()),
        _ => (1970.0 + (day / DAYS_PER_YEAR).floor()).clamp(-1e12, 1e12) as i64,
    }
}

fn year_month_of(day: f64) -> (i64, u8) {
    match naive_date(day) {
        Some(date) if i64::from(date.year()).abs() < CHRONO_MAX_ABS_YEAR => {
            (i64::from(date.year()), date.month() as u8)
        }
        _ => (year_of(day), 1),
    }
}

/// `2 Nov 2012`, or `2 Nov` without `with_year` (the year still shows on 1 January).
fn day_label(day: f64, with_year: bool, locale: &dyn Locale) -> Option<String> {
    let date = naive_date(day)?;
    let point = Point {
        month: Some(date.month() as u8),
        day: Some(date.day() as u8),
        ..year_point(i64::from(date.year()))
    };
    let with_year = with_year || (date.day() == 1 && date.month() == 1);
    Some(locale.date(&point.parts(with_year)))
}

/// How an event's date is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateStyle {
    /// `?` or `~` somewhere in the date.
    pub uncertain: bool,
    /// An interval (or an event with an end date): drawn as a bar.
    pub range: bool,
    /// The start is open (`../2014`).
    pub open_start: bool,
    /// The end is open (`2013/..`).
    pub open_end: bool,
    /// A point coarser than a day (a year, a month): drawn as a span over it.
    pub coarse: bool,
}

impl DateStyle {
    pub fn of(event: &crate::model::Event) -> DateStyle {
        let date = &event.date;
        let end = event.end_date.as_ref();
        DateStyle {
            uncertain: date.is_uncertain()
                || date.is_approximate()
                || end.is_some_and(|d| d.is_uncertain() || d.is_approximate()),
            range: date.is_interval() || end.is_some(),
            open_start: date.is_open_start(),
            open_end: end.map_or(date.is_open_end(), |d| d.is_open_end()),
            coarse: !date.is_interval() && end.is_none() && date.precision() < Precision::Day,
        }
    }
}

/// One item to stack: its time span and the width of its label in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub start: f64,
    pub end: f64,
    pub label_px: f64,
    /// The lane (group) the item is drawn in.
    pub lane: usize,
}

/// Where one item goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// The row within its lane; `None` when the lane is full at this zoom (the
    /// item is counted in its lane's overflow instead of drawn).
    pub row: Option<u16>,
    /// The left of the item, in days.
    pub start: f64,
    /// The right of what is drawn (the span or the label, whichever is longer), in days.
    pub extent_end: f64,
}

/// The layout of every item at one zoom: rows, extents and the bound for queries.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// In the order of the items given (sorted by start).
    pub placed: Vec<Placed>,
    /// Rows used per lane (at least one).
    pub lane_rows: Vec<u16>,
    /// The longest drawn extent, in days: bounds the visible-range search.
    pub max_extent: f64,
}

/// A rough width in pixels of a label of `chars` characters at the timeline's font size.
pub fn label_width_px(chars: usize) -> f64 {
    // 0.5em per character at 14px, plus the marker and padding; capped like the CSS.
    (chars.min(40) as f64) * 7.0 + 24.0
}

/// Stacks `items` (sorted by start) into rows per lane so that no two drawn
/// extents in the same row overlap or come closer than `gap_px`: greedy first-fit
/// interval packing at `px_per_day`. A lane holds at most `max_rows` rows.
pub fn stack(items: &[Item], lanes: usize, px_per_day: f64, gap_px: f64, max_rows: u16) -> Layout {
    let ppd = if px_per_day.is_finite() && px_per_day > 0.0 {
        px_per_day
    } else {
        1.0
    };
    let gap = gap_px.max(0.0) / ppd;
    let lanes = lanes.max(1);
    let mut row_ends: Vec<Vec<f64>> = vec![Vec::new(); lanes];
    let mut placed = Vec::with_capacity(items.len());
    let mut max_extent: f64 = 0.0;
    for item in items {
        let extent_end = item.end.max(item.start + item.label_px.max(0.0) / ppd);
        max_extent = max_extent.max(extent_end - item.start);
        let lane = item.lane.min(lanes - 1);
        let rows = row_ends.get_mut(lane);
        let row =
            rows.and_then(
                |rows| match rows.iter().position(|&end| end + gap <= item.start) {
                    Some(r) => {
                        if let Some(end) = rows.get_mut(r) {
                            *end = extent_end;
                        }
                        u16::try_from(r).ok()
                    }
                    None if rows.len() < usize::from(max_rows) => {
                        rows.push(extent_end);
                        u16::try_from(rows.len() - 1).ok()
                    }
                    None => None,
                },
            );
        placed.push(Placed {
            row,
            start: item.start,
            extent_end,
        });
    }
    let lane_rows = row_ends
        .iter()
        .map(|rows| u16::try_from(rows.len().max(1)).unwrap_or(u16::MAX))
        .collect();
    Layout {
        placed,
        lane_rows,
        max_extent,
    }
}

/// Indices of the items drawn (wholly or partly) in `[from, to)`, in order:
/// a binary search on the sorted starts bounded by the longest extent, then a
/// filter of that window only.
pub fn visible(layout: &Layout, from: f64, to: f64) -> std::ops::Range<usize> {
    let placed = &layout.placed;
    let lo = placed.partition_point(|p| p.start < from - layout.max_extent);
    let hi = placed.partition_point(|p| p.start < to);
    lo..hi.max(lo)
}

/// Like [`visible`], without the items ending before `from`.
pub fn visible_items(layout: &Layout, from: f64, to: f64) -> Vec<usize> {
    visible(layout, from, to)
        .filter(|&i| layout.placed.get(i).is_some_and(|p| p.extent_end > from))
        .collect()
}

/// A "+N" marker: `count` items of one lane that found no row, within one
/// bin of the axis, drawn where its `first` item starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow {
    pub lane: usize,
    pub bin: i64,
    pub count: usize,
    pub first: usize,
}

/// What is drawn of the items in `[from, to)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WindowMarks {
    /// Items with a row, in time order.
    pub shown: Vec<usize>,
    /// The rest, counted per lane in bins of the axis.
    pub overflow: Vec<Overflow>,
}

/// The marks of the items in `[from, to)` of the lanes `lanes` (those on
/// screen): each item with a row, and the others counted per lane in bins
/// `bin_days` wide. `lane_of` is each item's lane. Linear in the items: they
/// come in time order, so a lane's bins only grow and its open marker is
/// always its last one.
pub fn window_marks(
    layout: &Layout,
    lane_of: &[usize],
    from: f64,
    to: f64,
    bin_days: f64,
    lanes: Range<usize>,
) -> WindowMarks {
    let mut marks = WindowMarks::default();
    let mut open: Vec<Option<usize>> = vec![None; layout.lane_rows.len().max(1)];
    for i in visible_items(layout, from, to) {
        let Some(p) = layout.placed.get(i) else {
            continue;
        };
        let lane = lane_of.get(i).copied().unwrap_or(0);
        if !lanes.contains(&lane) {
            continue;
        }
        if p.row.is_some() {
            marks.shown.push(i);
            continue;
        }
        let bin = bin_of(p.start, bin_days);
        if open.len() <= lane {
            open.resize(lane + 1, None);
        }
        match open[lane] {
            Some(k) if marks.overflow[k].bin == bin => marks.overflow[k].count += 1,
            _ => {
                open[lane] = Some(marks.overflow.len());
                marks.overflow.push(Overflow {
                    lane,
                    bin,
                    count: 1,
                    first: i,
                });
            }
        }
    }
    marks
}

/// The bin of the axis, `bin_days` wide, that the day `start` falls in.
fn bin_of(start: f64, bin_days: f64) -> i64 {
    let width = if bin_days.is_finite() && bin_days > 0.0 {
        bin_days
    } else {
        1.0
    };
    (start / width).floor() as i64
}

/// `marks` with the selected item drawn, wherever it is: in a lane off
/// screen, out of the window (the focus stays on it), or without a row, when
/// it leaves its marker's count (and the marker goes when it was the last).
pub fn with_selected(
    marks: &WindowMarks,
    selected: Option<usize>,
    layout: &Layout,
    lane_of: &[usize],
    bin_days: f64,
) -> WindowMarks {
    let mut out = marks.clone();
    let Some((index, p)) = selected.and_then(|i| Some((i, layout.placed.get(i)?))) else {
        return out;
    };
    let at = out.shown.partition_point(|&i| i < index);
    if out.shown.get(at) == Some(&index) {
        return out;
    }
    out.shown.insert(at, index);
    if p.row.is_none() {
        let lane = lane_of.get(index).copied().unwrap_or(0);
        let bin = bin_of(p.start, bin_days);
        if let Some(k) = out
            .overflow
            .iter()
            .position(|o| o.lane == lane && o.bin == bin)
        {
            if out.overflow[k].count > 1 {
                out.overflow[k].count -= 1;
            } else {
                out.overflow.remove(k);
            }
        }
    }
    out
}

/// The lanes, of those whose tops are `tops` (the last one ending at
/// `bottom`), that meet the band `[from, to)` of the axis: the ones to draw.
pub fn lanes_in(tops: &[f64], bottom: f64, from: f64, to: f64) -> Range<usize> {
    let end_of = |i: usize| tops.get(i + 1).copied().unwrap_or(bottom);
    let first = (0..tops.len())
        .find(|&i| end_of(i) > from)
        .unwrap_or(tops.len());
    let last = tops.partition_point(|&top| top < to).max(first);
    first..last
}

/// The band of the axis (in its own pixels, 0 at its top) to draw lanes for:
/// what shows of it in a viewport `viewport_px` tall when its top is at
/// `top_px` (negative once scrolled past) and at least an eighth of a
/// viewport more above and below, in steps of a quarter viewport so that
/// scrolling redraws only now and then.
pub fn band_on_screen(top_px: f64, viewport_px: f64) -> (f64, f64) {
    let step = (viewport_px / 4.0).max(50.0);
    let seen_from = -top_px;
    let from = ((seen_from - step / 2.0) / step).floor() * step;
    let to = ((seen_from + viewport_px + step / 2.0) / step).ceil() * step;
    (from, to)
}

/// Selection moves by key, over `count` events in time order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// The index selected after `step` from `current` (nothing selected yet: the first or last).
pub fn step_selection(current: Option<usize>, step: Step, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let last = count - 1;
    Some(match (current, step) {
        (_, Step::First) => 0,
        (_, Step::Last) => last,
        (None, Step::Next) => 0,
        (None, Step::Previous) => last,
        (Some(i), Step::Next) => (i + 1).min(last),
        (Some(i), Step::Previous) => i.saturating_sub(1).min(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn days(date: &str) -> f64 {
        Date::parse(date)
            .map(|d| d.start_days())
            .unwrap_or(f64::NAN)
    }

    fn labels(view: &Viewport) -> Vec<String> {
        ticks(view, 1000.0, 80.0, &crate::i18n::English)
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    #[test]
    fn ticks_adapt_from_millennia_to_days() {
        // 10,000 years: thousands of years.
        let v = Viewport::new(days("-4000"), days("5999"), MAX_SPAN_DAYS);
        assert_eq!(tick_unit(&v, 1000.0, 80.0), TickUnit::Year(1000));
        let l = labels(&v);
        assert!(l.contains(&"2000".to_owned()), "{l:?}");
        assert!(l.contains(&"1001 BCE".to_owned()), "{l:?}");
        // Decades.
        let v = Viewport::new(days("1950"), days("2050"), MAX_SPAN_DAYS);
        assert_eq!(tick_unit(&v, 1000.0, 80.0), TickUnit::Year(10));
        assert_eq!(labels(&v).first().map(String::as_str), Some("1950"));
        // Years.
        let v = Viewport::new(days("2010"), days("2020"), MAX_SPAN_DAYS);
        assert_eq!(tick_unit(&v, 1000.0, 80.0), TickUnit::Year(1));
        assert_eq!(labels(&v).len(), 10);
        assert_eq!(labels(&v)[2], "2012");
        // Months.
        let v = Viewport::new(days("2012-01"), days("2013-01"), MAX_SPAN_DAYS);
        assert_eq!(tick_unit(&v, 1000.0, 80.0), TickUnit::Month(1));
        let l = labels(&v);
        assert_eq!(l.len(), 12);
        assert_eq!(l[10], "Nov 2012");
        // Days.
        let v = Viewport::new(days("2012-11-01"), days("2012-11-08"), MAX_SPAN_DAYS);
        assert_eq!(tick_unit(&v, 1000.0, 80.0), TickUnit::Day(1));
        let l = labels(&v);
        assert_eq!(l.len(), 7);
        assert_eq!(l[1], "2 Nov");
    }

    #[test]
    fn ticks_are_ordered_inside_the_view_and_spaced() {
        for span_years in [0.01, 0.1, 0.5, 1.0, 3.0, 30.0, 300.0, 3000.0] {
            let v = Viewport::new(
                days("2000"),
                days("2000") + span_years * DAYS_PER_YEAR,
                MAX_SPAN_DAYS,
            );
            let t = ticks(&v, 800.0, 80.0, &crate::i18n::English);
            assert!(!t.is_empty(), "no ticks for {span_years} years");
            for pair in t.windows(2) {
                let dx = v.x(pair[1].day, 800.0) - v.x(pair[0].day, 800.0);
                assert!(
                    dx >= 80.0 * 0.9,
                    "ticks {pair:?} only {dx}px apart at {span_years} years"
                );
            }
            assert!(t.iter().all(|tick| tick.day >= v.start && tick.day < v.end));
        }
    }

    #[test]
    fn negative_and_huge_years() {
        // Around 500 BCE.
        let v = Viewport::new(days("-0510"), days("-0490"), MAX_SPAN_DAYS);
        let l = labels(&v);
        assert!(l.contains(&"501 BCE".to_owned()), "{l:?}");
        // Cosmological.
        let v = Viewport::fit([(days("Y-13800000000"), days("2026"))]);
        assert!(v.max_span > MAX_SPAN_DAYS);
        let l = labels(&v);
        assert!(!l.is_empty() && l.len() <= 16, "{l:?}");
        assert!(l.iter().any(|s| s.contains("billion years ago")), "{l:?}");
        // Far future.
        let v = Viewport::new(days("Y1000000000"), days("Y1000000100"), MAX_SPAN_DAYS);
        let l = labels(&v);
        assert!(l.contains(&"1,000,000,050".to_owned()), "{l:?}");
        assert_eq!(year_of(days("-0044-03-15")), -44);
        assert_eq!(year_of(days("Y-13800000000")), -13_800_000_000);
    }

    #[test]
    fn zoom_is_clamped_and_keeps_the_anchor() {
        let v = Viewport::new(days("2010"), days("2020"), MAX_SPAN_DAYS);
        let anchor = days("2012");
        let z = v.zoom(4.0, anchor);
        assert!((z.span() - v.span() / 4.0).abs() < 1e-6);
        let before = (anchor - v.start) / v.span();
        let after = (anchor - z.start) / z.span();
        assert!((before - after).abs() < 1e-9);
        // Down to about a day.
        let z = v.zoom(1e9, anchor);
        assert_eq!(z.span(), MIN_SPAN_DAYS);
        // Up to 10,000 years for ordinary data.
        let z = v.zoom(1e-9, anchor);
        assert_eq!(z.span(), MAX_SPAN_DAYS);
        // Bad input changes nothing.
        assert_eq!(v.zoom(f64::NAN, anchor), v);
        assert_eq!(v.zoom(0.0, anchor), v);
        assert_eq!(v.pan(f64::INFINITY), v);
        let p = v.pan(10.0);
        assert_eq!(p.start, v.start + 10.0);
        assert_eq!(p.span(), v.span());
        // A viewport from nonsense is still usable.
        let n = Viewport::new(f64::NAN, 3.0, -1.0);
        assert!(n.span() > 0.0 && n.max_span == MAX_SPAN_DAYS);
        let f = Viewport::fit(std::iter::empty());
        assert!(f.span() > 0.0);
        // One day alone is shown at least a day wide.
        let f = Viewport::fit([(days("2012-11-02"), days("2012-11-02") + 1.0)]);
        assert!(f.span() >= MIN_SPAN_DAYS);
    }

    #[test]
    fn year_only_dates_are_spans_over_the_year() {
        let date = Date::parse("2012").unwrap_or(Date::Point(year_point(0)));
        assert_eq!(date.start_days(), days("2012-01-01"));
        assert_eq!(date.end_days(), days("2013-01-01"));
        let month = Date::parse("2012-11").unwrap_or(Date::Point(year_point(0)));
        assert_eq!(month.end_days() - month.start_days(), 30.0);
        let event: crate::model::Event =
            serde_json::from_str(r#"{"id": "e", "date": "2012?", "headline": "H"}"#)
                .unwrap_or_else(|e| panic!("{e}"));
        let style = DateStyle::of(&event);
        assert!(style.coarse && style.uncertain && !style.range);
        let event: crate::model::Event =
            serde_json::from_str(r#"{"id": "e", "date": "2011/..", "headline": "H"}"#)
                .unwrap_or_else(|e| panic!("{e}"));
        let style = DateStyle::of(&event);
        assert!(style.range && style.open_end && !style.open_start && !style.coarse);
        let event: crate::model::Event = serde_json::from_str(
            r#"{"id": "e", "date": "2012-11-02", "end_date": "2013~", "headline": "H"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let style = DateStyle::of(&event);
        assert!(style.range && style.uncertain && !style.coarse);
        assert_eq!(event.span_days(), (days("2012-11-02"), days("2014")));
    }

    fn items(spans: &[(f64, f64, f64)]) -> Vec<Item> {
        spans
            .iter()
            .map(|&(start, end, label_px)| Item {
                start,
                end,
                label_px,
                lane: 0,
            })
            .collect()
    }

    /// No two placed items of a lane and row overlap (with the gap).
    fn assert_no_overlap(items: &[Item], layout: &Layout, ppd: f64, gap_px: f64) {
        let gap = gap_px / ppd;
        for (i, a) in layout.placed.iter().enumerate() {
            for (j, b) in layout.placed.iter().enumerate().skip(i + 1) {
                if a.row.is_some() && a.row == b.row && items[i].lane == items[j].lane {
                    let apart = a.extent_end + gap <= b.start || b.extent_end + gap <= a.start;
                    assert!(apart, "items {i} and {j} overlap: {a:?} {b:?}");
                }
            }
        }
    }

    /// A deterministic pseudo-random sequence in [0, 1).
    fn seeded(mut seed: u64) -> impl FnMut() -> f64 {
        move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        }
    }

    /// The marks as the view used to find them: a search of every marker for
    /// each item (quadratic at 10,000 items).
    fn marks_by_search(
        layout: &Layout,
        lane_of: &[usize],
        from: f64,
        to: f64,
        bin_days: f64,
    ) -> WindowMarks {
        let mut marks = WindowMarks::default();
        for i in visible_items(layout, from, to) {
            let p = &layout.placed[i];
            if p.row.is_some() {
                marks.shown.push(i);
                continue;
            }
            let (lane, bin) = (lane_of[i], (p.start / bin_days).floor() as i64);
            match marks
                .overflow
                .iter_mut()
                .find(|o| o.lane == lane && o.bin == bin)
            {
                Some(o) => o.count += 1,
                None => marks.overflow.push(Overflow {
                    lane,
                    bin,
                    count: 1,
                    first: i,
                }),
            }
        }
        marks
    }

    #[test]
    fn window_marks_count_the_rowless_items_per_lane_and_bin() {
        // Crowded lanes: many more items than rows, in two lanes.
        let mut next = seeded(7);
        let mut spans: Vec<(f64, f64, f64)> = (0..2000)
            .map(|_| {
                let start = (next() * 3650.0).floor();
                (start, start + 1.0, 60.0 + next() * 100.0)
            })
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut list = items(&spans);
        for (i, item) in list.iter_mut().enumerate() {
            item.lane = i % 2;
        }
        let lane_of: Vec<usize> = list.iter().map(|i| i.lane).collect();
        let layout = stack(&list, 2, 0.5, 10.0, 3);
        let bin = 40.0 / 0.5;
        let marks = window_marks(&layout, &lane_of, 500.0, 2500.0, bin, 0..2);
        assert_eq!(
            marks,
            marks_by_search(&layout, &lane_of, 500.0, 2500.0, bin)
        );
        assert!(!marks.overflow.is_empty() && !marks.shown.is_empty());
        // Every item of the window is drawn or counted, once.
        let counted: usize = marks.overflow.iter().map(|o| o.count).sum();
        assert_eq!(
            marks.shown.len() + counted,
            visible_items(&layout, 500.0, 2500.0).len()
        );

        // A selected item without a row is drawn and leaves its marker.
        let hidden = marks.overflow[3].first;
        let selected = with_selected(&marks, Some(hidden), &layout, &lane_of, bin);
        assert!(selected.shown.contains(&hidden));
        assert!(
            selected.shown.windows(2).all(|w| w[0] < w[1]),
            "still in time order"
        );
        let before: usize = marks.overflow.iter().map(|o| o.count).sum();
        let after: usize = selected.overflow.iter().map(|o| o.count).sum();
        assert_eq!(after, before - 1);
        // A selected item already drawn, or none, changes nothing.
        assert_eq!(
            with_selected(&marks, Some(marks.shown[0]), &layout, &lane_of, bin),
            marks
        );
        assert_eq!(with_selected(&marks, None, &layout, &lane_of, bin), marks);
        // A marker of one item goes when that item is selected.
        if let Some(single) = marks.overflow.iter().find(|o| o.count == 1) {
            let selected = with_selected(&marks, Some(single.first), &layout, &lane_of, bin);
            assert_eq!(selected.overflow.len(), marks.overflow.len() - 1);
        }

        // Only the lanes on screen are drawn or counted: here the second.
        let second = window_marks(&layout, &lane_of, 500.0, 2500.0, bin, 1..2);
        let of_lane = |lane: usize| {
            let shown = marks.shown.iter().copied().filter(|&i| lane_of[i] == lane);
            let overflow = marks.overflow.iter().filter(|o| o.lane == lane).cloned();
            (shown.collect::<Vec<_>>(), overflow.collect::<Vec<_>>())
        };
        assert_eq!((second.shown.clone(), second.overflow.clone()), of_lane(1));
        assert!(
            window_marks(&layout, &lane_of, 500.0, 2500.0, bin, 2..2) == WindowMarks::default()
        );
        // The selection is drawn even in a lane off screen, in time order.
        let off_screen = marks.shown.iter().copied().find(|&i| lane_of[i] == 0);
        let off_screen = off_screen.expect("lane 0 has drawn items");
        let selected = with_selected(&second, Some(off_screen), &layout, &lane_of, bin);
        assert!(selected.shown.contains(&off_screen));
        assert!(selected.shown.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(selected.overflow, second.overflow);
    }

    #[test]
    fn the_lanes_drawn_are_those_on_screen() {
        // Three lanes: 0–100, 100–250, 250–300.
        let tops = [0.0, 100.0, 250.0];
        assert_eq!(lanes_in(&tops, 300.0, 0.0, 50.0), 0..1);
        assert_eq!(lanes_in(&tops, 300.0, 99.0, 101.0), 0..2);
        assert_eq!(lanes_in(&tops, 300.0, 100.0, 250.0), 1..2);
        assert_eq!(lanes_in(&tops, 300.0, -500.0, 5000.0), 0..3);
        assert_eq!(lanes_in(&tops, 300.0, 300.0, 900.0), 3..3);
        assert_eq!(lanes_in(&tops, 300.0, -90.0, -10.0), 0..0);
        assert_eq!(lanes_in(&[], 0.0, 0.0, 100.0), 0..0);

        // An axis 165 px down an 800 px viewport: its first 635 px show;
        // the band has them and at least 100 px (an eighth) more each way.
        let (from, to) = band_on_screen(165.0, 800.0);
        assert!((-465.0..=-265.0).contains(&from), "{from}");
        assert!((735.0..=935.0).contains(&to), "{to}");
        // Scrolled down a little: the same band (no redraw); far: another.
        assert_eq!(band_on_screen(160.0, 800.0), (from, to));
        assert_ne!(band_on_screen(-400.0, 800.0), (from, to));
        let (from, to) = band_on_screen(-1000.0, 800.0);
        assert!(from <= 1000.0 && to >= 1800.0);
        // A tiny viewport still steps by 50 px.
        let (from, to) = band_on_screen(0.0, 40.0);
        assert!(from <= 0.0 && to >= 40.0 && to - from <= 200.0);
    }

    #[test]
    fn stacking_never_overlaps() {
        // Pseudo-random spans and label widths, at several zooms.
        let mut next = seeded(42);
        let mut spans: Vec<(f64, f64, f64)> = (0..400)
            .map(|_| {
                let start = next() * 3650.0;
                let len = if next() < 0.5 { 1.0 } else { next() * 400.0 };
                (start, start + len, 40.0 + next() * 200.0)
            })
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut list = items(&spans);
        for (i, item) in list.iter_mut().enumerate() {
            item.lane = i % 3;
        }
        for ppd in [0.05, 0.3, 1.0, 5.0, 50.0] {
            let layout = stack(&list, 3, ppd, 4.0, 12);
            assert_eq!(layout.placed.len(), list.len());
            assert_eq!(layout.lane_rows.len(), 3);
            assert!(layout.lane_rows.iter().all(|&r| (1..=12).contains(&r)));
            assert_no_overlap(&list, &layout, ppd, 4.0);
        }
        // Far apart, all in the first row.
        let apart = items(&[(0.0, 1.0, 50.0), (100.0, 101.0, 50.0), (200.0, 201.0, 50.0)]);
        let layout = stack(&apart, 1, 1.0, 4.0, 4);
        assert!(layout.placed.iter().all(|p| p.row == Some(0)));
        // All at once: one row each until the lane is full, then overflow.
        let same = items(&[(0.0, 1.0, 50.0); 5]);
        let layout = stack(&same, 1, 1.0, 4.0, 3);
        let rows: Vec<Option<u16>> = layout.placed.iter().map(|p| p.row).collect();
        assert_eq!(rows, [Some(0), Some(1), Some(2), None, None]);
        // First fit goes back to a lower row when it is free.
        let layout = stack(
            &items(&[(0.0, 1.0, 50.0), (10.0, 11.0, 50.0), (60.0, 61.0, 10.0)]),
            1,
            1.0,
            4.0,
            4,
        );
        let rows: Vec<Option<u16>> = layout.placed.iter().map(|p| p.row).collect();
        assert_eq!(rows, [Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn visible_range_query_finds_exactly_what_shows() {
        let mut spans: Vec<(f64, f64, f64)> = (0..10_000)
            .map(|i| {
                let start = f64::from(i) * 3.0;
                let len = if i % 100 == 0 { 900.0 } else { 1.0 };
                (start, start + len, 30.0)
            })
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let list = items(&spans);
        let layout = stack(&list, 1, 1.0, 2.0, 8);
        for (from, to) in [
            (0.0, 100.0),
            (5000.0, 5600.0),
            (29_000.0, 40_000.0),
            (-50.0, -1.0),
        ] {
            let fast = visible_items(&layout, from, to);
            let slow: Vec<usize> = layout
                .placed
                .iter()
                .enumerate()
                .filter(|(_, p)| p.start < to && p.extent_end > from)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(fast, slow, "window {from}..{to}");
            // The search window stays small: long spans are found without scanning everything.
            assert!(visible(&layout, from, to).len() <= slow.len() + 400);
        }
        // The long event started at 4500 still shows at 5300.
        assert!(visible_items(&layout, 5300.0, 5301.0).contains(&1500));
    }

    #[test]
    fn selection_steps() {
        assert_eq!(step_selection(None, Step::Next, 0), None);
        assert_eq!(step_selection(None, Step::Next, 3), Some(0));
        assert_eq!(step_selection(None, Step::Previous, 3), Some(2));
        assert_eq!(step_selection(Some(0), Step::Next, 3), Some(1));
        assert_eq!(step_selection(Some(2), Step::Next, 3), Some(2));
        assert_eq!(step_selection(Some(0), Step::Previous, 3), Some(0));
        assert_eq!(step_selection(Some(1), Step::First, 3), Some(0));
        assert_eq!(step_selection(Some(1), Step::Last, 3), Some(2));
        // A stale index (data changed) lands on the last event.
        assert_eq!(step_selection(Some(9), Step::Next, 3), Some(2));
    }
}
