//! Zoom and pan of the lightbox photo as a pure state machine: pointers go
//! down, move and go up, and the machine keeps the zoom and the pan and says
//! when a gesture was a swipe to another photo. The view only feeds it
//! pointer coordinates and draws its `transform`; tested natively.

use super::{clamp_pan, double_tap_zoom, pinch_zoom, swipe_step};

/// Two taps closer than this in time (ms) and place (px) are a double tap.
const DOUBLE_TAP_MS: f64 = 350.0;
const DOUBLE_TAP_PX: f64 = 30.0;
/// A pointer that moves less than this (px) before it goes up is a tap.
const TAP_PX: f64 = 10.0;

#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    id: i32,
    x: f64,
    y: f64,
}

/// The zoom and pan of the photo, and the gesture under way.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoGesture {
    /// 1 (fit) to `MAX_ZOOM`.
    pub scale: f64,
    /// The photo's offset in pixels, within what the zoomed photo can move.
    pub pan: (f64, f64),
    pointers: Vec<Pointer>,
    /// Where the first pointer went down, and the pan then.
    start: (f64, f64),
    start_pan: (f64, f64),
    /// The pinch's first distance and zoom, once two pointers are down.
    pinch: Option<(f64, f64)>,
    /// Whether this gesture had two pointers (never a swipe or a tap).
    multi: bool,
    /// Time and place of the last tap, for double taps.
    last_tap: Option<(f64, f64, f64)>,
}

impl Default for PhotoGesture {
    fn default() -> Self {
        PhotoGesture {
            scale: 1.0,
            pan: (0.0, 0.0),
            pointers: Vec::new(),
            start: (0.0, 0.0),
            start_pan: (0.0, 0.0),
            pinch: None,
            multi: false,
            last_tap: None,
        }
    }
}

impl PhotoGesture {
    /// Back to the whole photo (another photo is shown, or the dialog closed).
    pub fn reset(&mut self) {
        self.scale = 1.0;
        self.pan = (0.0, 0.0);
        self.pointers.clear();
        self.pinch = None;
    }

    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        self.pointers.retain(|p| p.id != id);
        self.pointers.push(Pointer { id, x, y });
        if let [a, b, ..] = self.pointers[..] {
            self.multi = true;
            self.pinch = Some((distance(a, b), self.scale));
        } else {
            self.start = (x, y);
            self.start_pan = self.pan;
            self.multi = false;
            self.pinch = None;
        }
    }

    /// A pointer moved, over a photo box of `size` (width, height): two
    /// pointers zoom, one pans a zoomed photo. True when the zoom or pan changed.
    pub fn moved(&mut self, id: i32, x: f64, y: f64, size: (f64, f64)) -> bool {
        let Some(pointer) = self.pointers.iter_mut().find(|p| p.id == id) else {
            return false;
        };
        pointer.x = x;
        pointer.y = y;
        let (scale, pan) = match (self.pinch, &self.pointers[..]) {
            (Some((start_distance, start_scale)), [a, b, ..]) => (
                pinch_zoom(start_scale, start_distance, distance(*a, *b)),
                self.pan,
            ),
            (None, [_]) if self.scale > 1.0 => (
                self.scale,
                (
                    self.start_pan.0 + x - self.start.0,
                    self.start_pan.1 + y - self.start.1,
                ),
            ),
            _ => return false,
        };
        let clamped = (
            clamp_pan(pan.0, size.0, scale),
            clamp_pan(pan.1, size.1, scale),
        );
        let changed = scale != self.scale || clamped != self.pan;
        self.scale = scale;
        self.pan = clamped;
        changed
    }

    /// A pointer went up at `now` (ms). A double tap toggles the zoom; a swipe
    /// of the whole photo gives the step to another photo (+1 next, -1
    /// previous; mirrored when `rtl`).
    pub fn up(&mut self, id: i32, x: f64, y: f64, now: f64, rtl: bool) -> Option<isize> {
        self.pointers.retain(|p| p.id != id);
        if !self.pointers.is_empty() {
            return None;
        }
        self.pinch = None;
        if self.multi {
            return None;
        }
        let (dx, dy) = (x - self.start.0, y - self.start.1);
        if dx.abs() < TAP_PX && dy.abs() < TAP_PX {
            let double = self.last_tap.is_some_and(|(t, tx, ty)| {
                now - t < DOUBLE_TAP_MS
                    && (x - tx).abs() < DOUBLE_TAP_PX
                    && (y - ty).abs() < DOUBLE_TAP_PX
            });
            self.last_tap = if double { None } else { Some((now, x, y)) };
            if double {
                self.scale = double_tap_zoom(self.scale);
                self.pan = (0.0, 0.0);
            }
            None
        } else if self.scale <= 1.0 {
            swipe_step(dx, dy, rtl)
        } else {
            None
        }
    }

    /// A pointer was cancelled (the browser took it for scrolling, say).
    pub fn cancel(&mut self, id: i32) {
        self.pointers.retain(|p| p.id != id);
        self.pinch = None;
    }

    /// The CSS transform of the photo.
    pub fn transform(&self) -> String {
        let (x, y) = self.pan;
        format!("translate({x:.1}px, {y:.1}px) scale({:.3})", self.scale)
    }
}

fn distance(a: Pointer, b: Pointer) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gallery::{DOUBLE_TAP_ZOOM, MAX_ZOOM};

    const SIZE: (f64, f64) = (400.0, 300.0);

    #[test]
    fn a_double_tap_zooms_in_and_another_zooms_out() {
        let mut g = PhotoGesture::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(g.up(1, 102.0, 101.0, 1000.0, false), None);
        assert_eq!(g.scale, 1.0, "one tap does nothing");
        g.down(1, 105.0, 98.0);
        g.up(1, 105.0, 98.0, 1200.0, false);
        assert_eq!(g.scale, DOUBLE_TAP_ZOOM);
        // Too slow: two single taps.
        g.down(1, 100.0, 100.0);
        g.up(1, 100.0, 100.0, 5000.0, false);
        g.down(1, 100.0, 100.0);
        g.up(1, 100.0, 100.0, 5400.0, false);
        assert_eq!(g.scale, DOUBLE_TAP_ZOOM);
        g.down(1, 100.0, 100.0);
        g.up(1, 100.0, 100.0, 5500.0, false);
        assert_eq!(g.scale, 1.0, "the third tap zooms out with the second");
    }

    #[test]
    fn a_swipe_steps_only_at_rest_and_mirrors_in_rtl() {
        let mut g = PhotoGesture::default();
        g.down(1, 300.0, 100.0);
        assert!(!g.moved(1, 200.0, 100.0, SIZE), "no pan at rest");
        assert_eq!(g.up(1, 200.0, 105.0, 0.0, false), Some(1));
        g.down(1, 200.0, 100.0);
        assert_eq!(
            g.up(1, 300.0, 100.0, 0.0, true),
            Some(1),
            "right is next in RTL"
        );
        g.down(1, 200.0, 100.0);
        assert_eq!(g.up(1, 220.0, 190.0, 0.0, false), None, "mostly vertical");
        // Zoomed in, the same movement pans instead.
        g.scale = 2.0;
        g.down(1, 300.0, 100.0);
        assert!(g.moved(1, 250.0, 120.0, SIZE));
        assert_eq!(g.pan, (-50.0, 20.0));
        assert_eq!(g.up(1, 250.0, 120.0, 0.0, false), None);
    }

    #[test]
    fn a_pan_stays_within_the_zoomed_photo() {
        let mut g = PhotoGesture {
            scale: 2.0,
            ..PhotoGesture::default()
        };
        g.down(1, 0.0, 0.0);
        g.moved(1, 1000.0, -1000.0, SIZE);
        assert_eq!(g.pan, (200.0, -150.0), "half the overflow each way");
        assert_eq!(g.transform(), "translate(200.0px, -150.0px) scale(2.000)");
    }

    #[test]
    fn a_pinch_zooms_by_the_spread_and_is_never_a_swipe_or_tap() {
        let mut g = PhotoGesture::default();
        g.down(1, 100.0, 100.0);
        g.down(2, 200.0, 100.0);
        assert!(g.moved(2, 300.0, 100.0, SIZE));
        assert_eq!(g.scale, 2.0);
        assert!(g.moved(1, -1000.0, 100.0, SIZE));
        assert_eq!(g.scale, MAX_ZOOM, "held within the limits");
        assert_eq!(g.up(2, 300.0, 100.0, 0.0, false), None);
        assert_eq!(
            g.up(1, -1000.0, 100.0, 0.0, false),
            None,
            "a pinch is no swipe"
        );
        // Fingers that meet do not divide by zero.
        g.down(1, 50.0, 50.0);
        g.down(2, 50.0, 50.0);
        g.moved(2, 60.0, 50.0, SIZE);
        assert!(g.scale.is_finite());
        g.cancel(1);
        g.cancel(2);
        g.reset();
        assert_eq!((g.scale, g.pan), (1.0, (0.0, 0.0)));
    }
}
