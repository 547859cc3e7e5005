//! A story drawn on a picture (a StoryMapJS `zoomify` story): its places and
//! cameras moved from StoryMapJS's coordinates onto the image map
//! (`geo/zoomify.rs` holds the maths).

use crate::geo::zoomify::{ZOOM_OFFSET, Zoomify, map_position};
use crate::story::Camera;

/// `points` and `cameras` on `image`; an overview slide (`overview[i]`) shows
/// the whole picture, as StoryMapJS does.
pub fn onto_image(
    points: &[(f64, f64)],
    cameras: &[Camera],
    overview: &[bool],
    image: Zoomify,
) -> (Vec<(f64, f64)>, Vec<Camera>) {
    let top = image.top();
    let place = |&(lat, lon): &(f64, f64)| map_position(lat, lon, top);
    let (south_west, north_east) = image.bounds();
    let cameras = cameras
        .iter()
        .zip(overview.iter().chain(std::iter::repeat(&false)))
        .map(|(camera, &overview)| match camera {
            _ if overview => Camera::Fit(vec![south_west, north_east]),
            &Camera::Point { lat, lon, zoom } => {
                let (lat, lon) = map_position(lat, lon, top);
                Camera::Point {
                    lat,
                    lon,
                    zoom: zoom + ZOOM_OFFSET,
                }
            }
            Camera::Fit(points) => Camera::Fit(points.iter().map(place).collect()),
            Camera::Keep => Camera::Keep,
        })
        .collect();
    (points.iter().map(place).collect(), cameras)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::valid_position;

    #[test]
    fn places_and_cameras_move_onto_the_image() {
        let points = [(85.051_128_78, -180.0), (0.0, 0.0)];
        let cameras = [
            Camera::Fit(points.to_vec()),
            Camera::Point {
                lat: 1.0,
                lon: 2.0,
                zoom: 4.0,
            },
            Camera::Point {
                lat: 0.0,
                lon: 0.0,
                zoom: 3.0,
            },
            Camera::Keep,
        ];
        let painting = Zoomify {
            width: 5000,
            height: 3000,
        };
        let overview = [false, true];
        let (moved, cameras) = onto_image(&points, &cameras, &overview, painting);
        // The image's top-left corner and the Mercator world's centre, which
        // is full-size pixel (4096, 4096) at level 5: 4096 / 2^7 = 32 units.
        assert!(moved[0].0.abs() < 1e-9 && moved[0].1.abs() < 1e-9);
        assert_eq!(moved[1], (-32.0, 32.0));
        assert!(moved.iter().all(|&(lat, lon)| valid_position(lat, lon)));
        assert_eq!(cameras[0], Camera::Fit(moved.clone()));
        let (south_west, north_east) = painting.bounds();
        assert_eq!(
            cameras[1],
            Camera::Fit(vec![south_west, north_east]),
            "the overview shows the whole picture"
        );
        assert_eq!(
            cameras[2],
            Camera::Point {
                lat: -32.0,
                lon: 32.0,
                zoom: 3.0 + ZOOM_OFFSET
            }
        );
        assert_eq!(cameras[3], Camera::Keep);
    }
}
