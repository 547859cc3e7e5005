//! Pan and zoom on the timeline's axis as a pure state machine: pointers go
//! down, move and go up; the machine answers what the view should do (take
//! the pointer, pan by pixels, zoom by a factor around a point). The view
//! turns pixels into days; everything here is tested natively.

/// How far a pointer that went down on a control (an event, a "+N" marker)
/// moves before it drags: a tap or click still reaches the control.
pub const DRAG_START_PX: f64 = 6.0;

/// What the axis does for one pointer or wheel event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AxisAction {
    /// Move the view by this many pixels of pointer travel (a drag to the
    /// right shows earlier times).
    Drag { dx: f64 },
    /// Move the view by this many pixels of wheel scrolling (the other way
    /// round: scrolling right shows later times).
    Scroll { dx: f64 },
    /// Zoom by `factor` (> 1 zooms in) keeping the time under `at` (a
    /// client x coordinate) in place.
    Zoom { factor: f64, at: f64 },
}

/// The answer to a pointer move: whether the axis takes the pointer now
/// (pointer capture), and what it does.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Move {
    pub capture: bool,
    pub action: Option<AxisAction>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    id: i32,
    x: f64,
    /// It drags: it went down on the axis itself, or has moved far enough
    /// since it went down on a control.
    moving: bool,
}

/// The pointers down on the axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AxisGesture {
    pointers: Vec<Pointer>,
}

impl AxisGesture {
    /// A pointer went down at `x`; `on_control` when on a button or link.
    /// True when the axis takes the pointer at once (it went down on the axis).
    pub fn down(&mut self, id: i32, x: f64, on_control: bool) -> bool {
        self.pointers.retain(|p| p.id != id);
        self.pointers.push(Pointer {
            id,
            x,
            moving: !on_control,
        });
        !on_control
    }

    /// A pointer moved to `x`; `pressed` is false when no button is down any
    /// more (it was released outside the axis before the axis took it, and
    /// hovering back must not drag).
    pub fn moved(&mut self, id: i32, x: f64, pressed: bool) -> Move {
        if !pressed {
            self.up(id);
            return Move::default();
        }
        let Some(index) = self.pointers.iter().position(|p| p.id == id) else {
            return Move::default();
        };
        let pointer = self.pointers[index];
        let mut capture = false;
        if !pointer.moving {
            if self.pointers.len() < 2 && (x - pointer.x).abs() < DRAG_START_PX {
                return Move::default();
            }
            capture = true;
        }
        let action = match self.pointers.as_slice() {
            [_] => Some(AxisAction::Drag { dx: x - pointer.x }),
            [a, b, ..] => {
                let other = if a.id == id { b.x } else { a.x };
                let old = (pointer.x - other).abs().max(1.0);
                let new = (x - other).abs().max(1.0);
                Some(AxisAction::Zoom {
                    factor: new / old,
                    at: (x + other) / 2.0,
                })
            }
            [] => None,
        };
        if let Some(p) = self.pointers.get_mut(index) {
            p.x = x;
            p.moving = true;
        }
        Move { capture, action }
    }

    /// A pointer went up or was cancelled.
    pub fn up(&mut self, id: i32) {
        self.pointers.retain(|p| p.id != id);
    }

    /// How many pointers are down.
    pub fn len(&self) -> usize {
        self.pointers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pointers.is_empty()
    }
}

/// A wheel turn: Shift or a mostly horizontal wheel scrolls the view, a
/// vertical one zooms around the pointer at `x`.
pub fn wheel(dx: f64, dy: f64, shift: bool, x: f64) -> AxisAction {
    if shift || dx.abs() > dy.abs() {
        let d = if dx.abs() > dy.abs() { dx } else { dy };
        AxisAction::Scroll { dx: d }
    } else {
        AxisAction::Zoom {
            factor: (-dy * 0.002).exp(),
            at: x,
        }
    }
}

/// How far a finger travels sideways, more than up or down, to turn a slide.
pub const SWIPE_MIN_PX: f64 = 40.0;

/// A swipe on the slide as a pure state machine: one pointer goes down and
/// up; a mostly sideways travel of at least [`SWIPE_MIN_PX`] turns the slide
/// (a swipe to the left shows the next one, mirrored right to left). A second
/// finger (a pinch) or a cancel (the browser scrolled) turns nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SlideSwipe {
    /// The pointer down: its id and where it went down.
    start: Option<(i32, f64, f64)>,
    /// Another pointer joined: not a swipe.
    spoiled: bool,
}

impl SlideSwipe {
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        if self.start.is_some() {
            self.spoiled = true;
        } else {
            *self = SlideSwipe {
                start: Some((id, x, y)),
                spoiled: false,
            };
        }
    }

    /// The pointer `id` went up at (`x`, `y`): the move it makes, if any.
    pub fn up(
        &mut self,
        id: i32,
        x: f64,
        y: f64,
        rtl: bool,
    ) -> Option<crate::timeline::slides::SlideMove> {
        use crate::timeline::slides::SlideMove;
        let (start_id, sx, sy) = self.start?;
        if start_id != id {
            return None;
        }
        let spoiled = self.spoiled;
        *self = SlideSwipe::default();
        let (dx, dy) = (x - sx, y - sy);
        if spoiled
            || !dx.is_finite()
            || !dy.is_finite()
            || dx.abs() < SWIPE_MIN_PX
            || dx.abs() < dy.abs() * 1.5
        {
            return None;
        }
        // A finger moving left pulls the next slide in from the right.
        let towards_left = dx < 0.0;
        Some(if towards_left != rtl {
            SlideMove::Next
        } else {
            SlideMove::Previous
        })
    }

    pub fn cancel(&mut self) {
        *self = SlideSwipe::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_on_the_axis_pans_from_the_first_move() {
        let mut g = AxisGesture::default();
        assert!(g.down(1, 100.0, false), "the axis takes it at once");
        let m = g.moved(1, 103.0, true);
        assert_eq!(m.action, Some(AxisAction::Drag { dx: 3.0 }));
        assert!(!m.capture, "taken already");
        assert_eq!(
            g.moved(1, 90.0, true).action,
            Some(AxisAction::Drag { dx: -13.0 })
        );
        g.up(1);
        assert!(g.is_empty());
        assert_eq!(g.moved(1, 50.0, true), Move::default());
    }

    #[test]
    fn a_tap_on_an_event_stays_a_tap_until_it_moves_far_enough() {
        let mut g = AxisGesture::default();
        assert!(!g.down(7, 200.0, true));
        assert_eq!(g.moved(7, 204.0, true), Move::default(), "a shaky tap");
        let m = g.moved(7, 207.0, true);
        assert!(m.capture, "now the axis takes it");
        assert_eq!(m.action, Some(AxisAction::Drag { dx: 7.0 }));
        assert!(!g.moved(7, 210.0, true).capture, "taken once");
    }

    #[test]
    fn two_fingers_zoom_by_their_spread_around_their_middle() {
        let mut g = AxisGesture::default();
        g.down(1, 100.0, false);
        // The second finger lands on an event: a pinch often starts on one.
        g.down(2, 200.0, true);
        let m = g.moved(2, 300.0, true);
        assert!(m.capture);
        assert_eq!(
            m.action,
            Some(AxisAction::Zoom {
                factor: 2.0,
                at: 200.0
            })
        );
        let m = g.moved(1, 200.0, true);
        assert_eq!(
            m.action,
            Some(AxisAction::Zoom {
                factor: 0.5,
                at: 250.0
            })
        );
        // Fingers on top of each other never divide by zero.
        let m = g.moved(1, 300.0, true);
        assert_eq!(
            m.action,
            Some(AxisAction::Zoom {
                factor: 0.01,
                at: 300.0
            })
        );
        g.up(2);
        assert_eq!(g.len(), 1);
        assert_eq!(
            g.moved(1, 310.0, true).action,
            Some(AxisAction::Drag { dx: 10.0 })
        );
    }

    #[test]
    fn a_pointer_released_outside_is_forgotten() {
        let mut g = AxisGesture::default();
        g.down(3, 10.0, true);
        assert_eq!(g.moved(3, 400.0, false), Move::default());
        assert!(g.is_empty(), "hovering back must not drag");
        // A pointer the axis never saw go down is ignored.
        assert_eq!(g.moved(9, 1.0, true), Move::default());
    }

    #[test]
    fn the_wheel_zooms_or_scrolls() {
        assert_eq!(
            wheel(0.0, 120.0, true, 5.0),
            AxisAction::Scroll { dx: 120.0 }
        );
        assert_eq!(
            wheel(-40.0, 10.0, false, 5.0),
            AxisAction::Scroll { dx: -40.0 }
        );
        match wheel(0.0, -100.0, false, 42.0) {
            AxisAction::Zoom { factor, at } => {
                assert!(factor > 1.0, "wheel up zooms in");
                assert_eq!(at, 42.0);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_sideways_swipe_turns_the_slide_and_mirrors_right_to_left() {
        use crate::timeline::slides::SlideMove;
        let swipe = |dx: f64, dy: f64, rtl: bool| {
            let mut s = SlideSwipe::default();
            s.down(1, 200.0, 100.0);
            s.up(1, 200.0 + dx, 100.0 + dy, rtl)
        };
        assert_eq!(swipe(-80.0, 10.0, false), Some(SlideMove::Next));
        assert_eq!(swipe(80.0, 10.0, false), Some(SlideMove::Previous));
        assert_eq!(swipe(-80.0, 10.0, true), Some(SlideMove::Previous));
        assert_eq!(swipe(80.0, 0.0, true), Some(SlideMove::Next));
        // Too short, or mostly vertical (scrolling the slide's text): nothing.
        assert_eq!(swipe(-20.0, 0.0, false), None);
        assert_eq!(swipe(-60.0, 70.0, false), None);
        assert_eq!(swipe(f64::NAN, 0.0, false), None);
        // A second finger, a cancel, or another pointer's up: nothing.
        let mut s = SlideSwipe::default();
        s.down(1, 0.0, 0.0);
        s.down(2, 50.0, 0.0);
        assert_eq!(s.up(1, -100.0, 0.0, false), None);
        s.down(3, 0.0, 0.0);
        assert_eq!(s.up(4, -100.0, 0.0, false), None);
        s.cancel();
        assert_eq!(s.up(3, -100.0, 0.0, false), None);
        // After a gesture, the next starts afresh.
        s.down(5, 0.0, 0.0);
        assert_eq!(s.up(5, -100.0, 0.0, false), Some(SlideMove::Next));
    }
}
