//! The data model: types of the JSON format (docs/data-format.md), dates,
//! text and Markdown, URL rules, loading and validation. Pure Rust, no web-sys:
//! everything here is tested natively.

pub mod date;
pub mod locate;
pub mod markdown;
pub mod problem;
pub mod text;
pub mod types;
pub mod url;
