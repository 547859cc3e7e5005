//! Embeds for other sites' articles: options read from the embed URL. Pure logic
//! here (tested natively); the views are in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod messaging;
#[cfg(target_arch = "wasm32")]
pub mod view;

/// The colour theme an embedder asks for with `?theme=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    /// Unknown values fall back to `Auto` rather than failing the embed.
    pub fn from_param(value: Option<&str>) -> Theme {
        match value.map(str::trim) {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some("contrast") => Theme::Contrast,
            _ => Theme::Auto,
        }
    }

    /// The value of `data-theme` on the document, if any.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Contrast => Some("contrast"),
        }
    }
}

/// The embed's own height from `?height=` (pixels, 120 to 5000); anything
/// else leaves the height to the content.
pub fn height_param(value: Option<&str>) -> Option<u32> {
    let pixels: u32 = value?.trim().trim_end_matches("px").parse().ok()?;
    (120..=5000).contains(&pixels).then_some(pixels)
}

#[cfg(test)]
mod tests {
    #[test]
    fn height_parameter() {
        use super::height_param;
        assert_eq!(height_param(Some("600")), Some(600));
        assert_eq!(height_param(Some("480px")), Some(480));
        assert_eq!(height_param(Some("10")), None);
        assert_eq!(height_param(Some("99999")), None);
        assert_eq!(height_param(Some("tall")), None);
        assert_eq!(height_param(None), None);
    }

    use super::*;

    #[test]
    fn theme_parameter() {
        assert_eq!(Theme::from_param(Some("dark")), Theme::Dark);
        assert_eq!(Theme::from_param(Some("contrast")), Theme::Contrast);
        assert_eq!(Theme::from_param(Some(" light ")), Theme::Light);
        assert_eq!(Theme::from_param(Some("neon")), Theme::Auto);
        assert_eq!(Theme::from_param(None), Theme::Auto);
        assert_eq!(Theme::Auto.attribute(), None);
        assert_eq!(Theme::Contrast.attribute(), Some("contrast"));
    }
}
