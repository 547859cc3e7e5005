//! The data model: types of the JSON format (docs/data-format.md), dates,
//! text and Markdown, URL rules, loading and validation. Pure Rust, no web-sys:
//! everything here is tested natively.
//!
//! The web app's entry points: [`parse_manifest`], [`manifest_file_names`],
//! [`load_dataset`] → [`Loaded`] (a [`Dataset`] and its [`Problem`]s).

pub mod bytes;
pub mod dataset;
pub mod date;
pub mod de;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod problem;
#[cfg(test)]
pub mod sample;
#[cfg(feature = "schema")]
pub mod schema;
pub mod text;
pub mod types;
pub mod url;
pub mod validate;

pub use bytes::decode_text;
pub use dataset::{Dataset, Stats, Unread};
pub use date::{Date, Point, Precision};
pub use load::{
    Input, Loaded, SourceFile, is_manifest, load_dataset, load_sources, manifest_file_names,
    parse_manifest,
};
pub use markdown::{Block, Inline};
pub use problem::{Problem, Severity, has_errors};
pub use text::Text;
pub use types::*;
