//! UI message catalogue.
