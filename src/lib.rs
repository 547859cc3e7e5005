//! Mapline: story maps, timelines, maps and galleries for a free-expression network.
//!
//! The pure modules (`model`, `countries`, `i18n`) have no web-sys and are tested
//! natively with `cargo test`; the views are compiled only for wasm32.

pub mod charts;
pub mod countries;
pub mod draft;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod model;
pub mod route;
pub mod share;
pub mod sort;

/// The page writer of `mapline publish` (run natively at build time), and
/// the timeline embed's first view (`publish::first_view`, the one part a
/// browser entry point calls: the rest reaches no wasm).
pub mod publish;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod ui;

pub mod embed;
pub mod gallery;
pub mod map;
pub mod pages;
pub mod preview;
pub mod search;
pub mod story;
pub mod timeline;
