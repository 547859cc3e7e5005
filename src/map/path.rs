//! SVG path data for the maps drawn as pictures (the locators, `/map`'s
//! overview): the points that move the outline by under a pixel dropped
//! (Douglas–Peucker, `geo::basemap`), the rest on an integer grid of the view
//! box, each step relative to the last (`M120 48l3 -1l2 2z`). These pictures go into the published pages' HTML, so their
//! size is the page's: about half the bytes of absolute decimals, for a
//! grid finer than the screen's pixels at the size they are shown.

use std::fmt::Write;

/// How far (view-box units) a point may lie from the outline drawn without
/// it and still be dropped: under a pixel at the size the pictures are shown.
const TOLERANCE: f64 = 0.75;

/// Appends the closed ring `points` (view-box units) to `out`; false, and
/// nothing written, when it comes to fewer than three points (too small to
/// see at this scale).
pub fn write_ring(points: impl IntoIterator<Item = (f64, f64)>, out: &mut String) -> bool {
    let points: Vec<(f64, f64)> = points
        .into_iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    let keep = crate::geo::basemap::douglas_peucker(&points, TOLERANCE);
    let mut grid: Vec<(i64, i64)> = Vec::new();
    for (&(x, y), kept) in points.iter().zip(keep) {
        if !kept {
            continue;
        }
        // Within a few view boxes of the frame for any drawn shape: the cast
        // cannot saturate in a way that matters.
        let point = (x.round() as i64, y.round() as i64);
        if grid.last() != Some(&point) {
            grid.push(point);
        }
    }
    if grid.len() > 1 && grid.first() == grid.last() {
        grid.pop();
    }
    if grid.len() < 3 {
        return false;
    }
    let mut previous = (0, 0);
    for (i, &(x, y)) in grid.iter().enumerate() {
        let _ = if i == 0 {
            write!(out, "M{x} {y}")
        } else {
            write!(out, "l{} {}", x - previous.0, y - previous.1)
        };
        previous = (x, y);
    }
    out.push('z');
    true
}

/// The absolute points of path data written by [`write_ring`] (and of `M`/`L`
/// data), one list per subpath: for tests that check where shapes fall.
#[cfg(test)]
pub fn subpaths(path: &str) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut at = (0.0, 0.0);
    let mut command = 'M';
    let mut numbers: Vec<f64> = Vec::new();
    let mut number = String::new();
    let flush = |command: char,
                 numbers: &mut Vec<f64>,
                 at: &mut (f64, f64),
                 out: &mut Vec<Vec<(f64, f64)>>| {
        if let [x, y] = numbers[..] {
            *at = if command == 'l' {
                (at.0 + x, at.1 + y)
            } else {
                (x, y)
            };
            if command == 'M' {
                out.push(Vec::new());
            }
            if let Some(current) = out.last_mut() {
                current.push(*at);
            }
        }
        numbers.clear();
    };
    for c in path.chars().chain([' ']) {
        if c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty()) {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            numbers.extend(number.parse::<f64>().ok());
            number.clear();
        }
        if c.is_ascii_alphabetic() {
            flush(command, &mut numbers, &mut at, &mut out);
            command = c;
        }
        if c == '-' {
            number.push(c);
        }
    }
    flush(command, &mut numbers, &mut at, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_step_on_the_grid_and_read_back() {
        let mut out = String::new();
        let square = [
            (10.2, 20.0),
            (30.0, 20.4),
            (30.0, 40.0),
            (10.0, 40.0),
            (10.0, 20.0),
        ];
        assert!(write_ring(square, &mut out));
        assert_eq!(out, "M10 20l20 0l0 20l-20 0z");
        assert_eq!(
            subpaths(&out),
            vec![vec![(10.0, 20.0), (30.0, 20.0), (30.0, 40.0), (10.0, 40.0)]]
        );
        // Two rings, and absolute data.
        assert!(write_ring([(0.0, 0.0), (5.0, 0.0), (0.0, 5.0)], &mut out));
        assert_eq!(subpaths(&out).len(), 2);
        assert_eq!(
            subpaths("M1 2L3 4L5 -6Z"),
            vec![vec![(1.0, 2.0), (3.0, 4.0), (5.0, -6.0)]]
        );
    }

    #[test]
    fn points_that_round_together_go_and_tiny_rings_are_not_drawn() {
        let mut out = String::new();
        assert!(!write_ring(
            [(1.0, 1.0), (1.2, 1.1), (0.9, 1.3), (1.0, 1.0)],
            &mut out
        ));
        assert!(out.is_empty());
        assert!(!write_ring([(f64::NAN, 1.0), (2.0, 2.0)], &mut out));
        assert!(write_ring(
            [(0.0, 0.0), (0.3, 0.0), (4.0, 0.0), (4.0, 4.0)],
            &mut out
        ));
        assert_eq!(out, "M0 0l4 0l0 4z");
    }
}
