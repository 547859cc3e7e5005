//! Embeds for other sites' articles: the messages an embed exchanges with the
//! page that frames it (`messaging.rs`) and the embeds' styles. The embed
//! routes are in `app::embeds`; the embed URL's parameters, options and
//! snippet in the pure `crate::share`; the Share and Embed buttons in
//! `ui::share`.

#[cfg(target_arch = "wasm32")]
pub mod messaging;
