//! Photo galleries. Pure logic here (tested natively); the view is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::model::Photo;

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
    candidates.sort_by_key(|(width, _)| *width);
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
}
