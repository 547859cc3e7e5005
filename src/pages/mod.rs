//! Case, member and campaign pages. The look-ups they need live on
//! `model::Dataset`; the views are in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;
